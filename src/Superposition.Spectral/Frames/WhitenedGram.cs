using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// G = Y Yᵀ for the whitened projections Y = Λ_r^(−1/2) U_rᵀ W (r × n), accumulated from the projection blocks
/// Uᵀ W_b that the per-feature measures compute anyway, so the leverage's first pass costs one Syrk per block and no
/// second Gemm (<see cref="LeverageEigenbasis"/>). Working set: G (r × r) and one r × block buffer when r &lt; m.
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
        if (Rank < _m) _compact = new double[(long)Rank * Math.Min(blockSize, features)];
    }

    public int Rank { get; }

    /// <summary>Lower triangle of Y Yᵀ over the blocks added so far (r × r, column-major).</summary>
    public double[] Gram { get; }

    /// <summary>The leading r rows of the whitening Λ_r^(−1/2), λ descending.</summary>
    public ReadOnlySpan<double> Scale => _scale;

    /// <summary>Adds a block of projections Uᵀ W_b (m × count, column-major); the block is overwritten (scaled in place).</summary>
    public void Add(IBlockKernels kernels, Span<double> projections, int count)
    {
        var r = Rank;
        if (_compact is null)
        {
            for (var j = 0; j < count; j++)
            {
                var column = projections.Slice(j * _m, _m);
                for (var k = 0; k < r; k++) column[k] *= _scale[k];
            }

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

        kernels.SyrkAdd(r, count, compact, Gram);
    }
}
