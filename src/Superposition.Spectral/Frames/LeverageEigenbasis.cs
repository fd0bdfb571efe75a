using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Leverage from the eigenbasis the spectrum already holds, refined once (full rank or rank-deficient): Y = Λ_r^(−1/2) U_rᵀ W
/// (r × n) has nearly orthonormal rows (YYᵀ = I + O(ε m λ_max/λ_r), at most about 1e-4 with the 1e-8 zero tolerance),
/// then G = YYᵀ = L Lᵀ (Cholesky of a matrix near I) and Q = L⁻¹ Y has orthonormal rows to O(ε): ℓ_i = ‖L⁻¹ y_i‖².
/// Because Yᵀ(YYᵀ)⁻¹Y is the projector onto the row space of Y whatever rotation errors U_r carries inside its span, the
/// refinement removes the pseudo-inverse route's loss of accuracy (at full rank, Yᵀ(YYᵀ)⁻¹Y = Wᵀ F⁻¹ W for any
/// invertible U). With the first pass folded into the measures' projections (<see cref="WhitenedGram"/>): one Syrk
/// there, then one Gemm and one triangular solve per block here, about 4 n m r FLOPs in all (CholeskyQR2 takes 5 n m²);
/// working set U_r plus one r × block buffer. It replaces the Householder LQ with the SVD of L for rank-deficient
/// layers, which is BLAS 2-bound and an order of magnitude slower at m = 4096.
///
/// The refinement is skipped when it cannot matter: ℓ_i = y_iᵀ G⁻¹ y_i (the refined value) and ‖y_i‖² (the first
/// pass) differ by at most ‖G⁻¹ − I‖₂ ‖y_i‖² ≤ ε/(1 − ε) ‖y_i‖² with ε = ‖G − I‖₂ ≤ ‖G − I‖_F. When ‖G − I‖_F is at
/// most <see cref="OnePassTolerance"/>, the first pass's ‖y_i‖² is returned (relative error at most 1.00000000001e-11
/// against the refined value). Measured on real layers: ‖G − I‖_F ≈ 1e-16 cond(F), so tall layers (cond(F) up to about 1e4)
/// take one pass and square ill-conditioned ones (cond(F) ≈ 1e7) are refined.
/// </summary>
internal static class LeverageEigenbasis
{
    /// <summary>
    /// Largest ‖G − I‖_F at which the refinement is skipped: a hundred times below the 1e-9 the capacity identity
    /// is held to, and above the ≈ 4e-12 of a 11008 × 4096 layer with cond(F) ≈ 1e4.
    /// </summary>
    public const double OnePassTolerance = 1e-11;

    /// <summary>
    /// Null when the refinement's Cholesky fails (the caller then takes another route). <paramref name="accumulated"/>:
    /// G already summed during the measures' projection pass (<see cref="WhitenedGram"/>); without it the first pass
    /// runs here. <paramref name="onePassTolerance"/>: see <see cref="OnePassTolerance"/> (tests pass a negative value to force the
    /// refinement). <c>Refined</c> says which of the two was returned. Both are one method (<see cref="Leverage.EigenbasisMethod"/>):
    /// ε is rounding noise, so a layer near the tolerance may take either branch under another BLAS thread count,
    /// with values within the tolerance of each other.
    /// </summary>
    public static (double[] Values, bool Refined)? Compute(IBlockKernels kernels, LiveFrame frame, FrameSpectrum spectrum, int blockSize, WhitenedGram? accumulated = null, double onePassTolerance = OnePassTolerance)
    {
        var m = frame.M;
        var n = frame.N;
        var u = spectrum.FrameVectors ?? throw Fail.Internal("the eigenbasis leverage needs the frame operator's eigenvectors");
        var first = accumulated ?? FirstPass(kernels, frame, spectrum, blockSize);
        var r = first.Rank;
        if (first.DeviationFromIdentity() <= onePassTolerance) return (first.OnePassLeverage, false);

        // Λ_r^(−1/2) U_r as one m × r matrix, so the second pass is a single Gemm per block.
        var whitened = new double[(long)m * r];
        for (var k = 0; k < r; k++)
        {
            var scale = first.Scale[k];
            var source = u.AsSpan(k * m, m);
            var target = whitened.AsSpan(k * m, m);
            for (var i = 0; i < m; i++) target[i] = source[i] * scale;
        }

        var gram = first.Gram;
        if (!kernels.Cholesky(r, gram)) return null;
        var y = new double[(long)r * Math.Min(blockSize, n)];
        var leverage = new double[n];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var span = y.AsSpan(0, r * count);
            kernels.GemmTransposeA(r, count, m, whitened, frame.Weights.AsSpan(start * m, m * count), span);
            kernels.SolveLower(r, count, gram, span);
            LeverageLq.ColumnSquares(span, r, count, leverage.AsSpan(start, count));
        }

        return (leverage, true);
    }

    /// <summary>The first pass on its own (when the measures did not fold it in): the projection blocks into a fresh <see cref="WhitenedGram"/>.</summary>
    private static WhitenedGram FirstPass(IBlockKernels kernels, LiveFrame frame, FrameSpectrum spectrum, int blockSize)
    {
        var m = frame.M;
        var n = frame.N;
        var gram = new WhitenedGram(spectrum, blockSize, n);
        var projections = new double[(long)m * Math.Min(blockSize, n)];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            spectrum.Projections(kernels, frame, start, count, projections);
            gram.Add(kernels, projections.AsSpan(0, m * count), start, count);
        }

        return gram;
    }
}
