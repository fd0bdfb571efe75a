using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// G = Y Yᵀ for the whitened projections Y = Λ_r^(−1/2) U_rᵀ W (r × n), accumulated from the projection blocks
/// Uᵀ W_b that the per-feature measures compute anyway, so the leverage's first pass costs one Syrk per block and no
/// second Gemm (<see cref="LeverageEigenbasis"/>). It also keeps the one-pass leverage ‖y_i‖², which the refinement
/// may skip when G is within <see cref="LeverageEigenbasis.OnePassTolerance"/> of I. Working set: G (r × r), n
/// doubles and one r × block buffer when r &lt; m.
/// </summary>
internal sealed class WhitenedGram
{
    private readonly double[] _scale;
    private readonly double[]? _compact;
    private readonly int _m;

    public WhitenedGram(FrameSpectrum spectrum, int blockSize, int features)
    {
        _m = spectrum.M;
        Rank = spectrum.Rank;
        _scale = new double[Rank];
        for (var k = 0; k < Rank; k++) _scale[k] = 1.0 / Math.Sqrt(spectrum.Eigenvalues[k]);
        Gram = new double[(long)Rank * Rank];
        OnePassLeverage = new double[features];
        if (Rank < _m) _compact = new double[(long)Rank * Math.Min(blockSize, features)];
    }

    public int Rank { get; }

    /// <summary>Lower triangle of Y Yᵀ over the blocks added so far (r × r, column-major).</summary>
    public double[] Gram { get; }

    /// <summary>The leading r rows of the whitening Λ_r^(−1/2), λ descending.</summary>
    public ReadOnlySpan<double> Scale => _scale;

    /// <summary>‖y_i‖² = ‖Λ_r^(−1/2) U_rᵀ w_i‖² of the features added so far: the leverage before refinement.</summary>
    public double[] OnePassLeverage { get; }

    /// <summary>
    /// ‖G − I‖_F from the lower triangle (off-diagonal entries count twice): an upper bound on ‖G − I‖₂, so on how
    /// far the one-pass leverage can be from the refined one. Read it before the Cholesky overwrites G.
    /// </summary>
    public double DeviationFromIdentity()
    {
        var r = Rank;
        double sum = 0;
        for (var j = 0; j < r; j++)
        {
            var column = Gram.AsSpan(j * r, r);
            var d = column[j] - 1.0;
            sum += d * d;
            for (var i = j + 1; i < r; i++) sum += 2 * column[i] * column[i];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// Adds the block of projections Uᵀ W_b (m × count, column-major) of features start … start + count − 1; the block
    /// is overwritten (scaled in place).
    /// </summary>
    public void Add(IBlockKernels kernels, Span<double> projections, int start, int count)
    {
        var r = Rank;
        if (_compact is null)
        {
            for (var j = 0; j < count; j++)
            {
                var column = projections.Slice(j * _m, _m);
                for (var k = 0; k < r; k++) column[k] *= _scale[k];
            }

            LeverageLq.ColumnSquares(projections, r, count, OnePassLeverage.AsSpan(start, count));
            kernels.SyrkAdd(r, count, projections[..(r * count)], Gram);
            return;
        }

        var compact = _compact.AsSpan(0, r * count);
        for (var j = 0; j < count; j++)
        {
            var column = projections.Slice(j * _m, r);
            var target = compact.Slice(j * r, r);
            for (var k = 0; k < r; k++) target[k] = column[k] * _scale[k];
        }

        LeverageLq.ColumnSquares(compact, r, count, OnePassLeverage.AsSpan(start, count));
        kernels.SyrkAdd(r, count, compact, Gram);
    }
}
