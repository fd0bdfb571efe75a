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
/// </summary>
internal static class LeverageEigenbasis
{
    /// <summary>
    /// Null when the refinement's Cholesky fails (the caller then takes another route). <paramref name="accumulated"/>:
    /// G already summed during the measures' projection pass (<see cref="WhitenedGram"/>); without it the first pass
    /// runs here.
    /// </summary>
    public static double[]? Compute(IBlockKernels kernels, LiveFrame frame, FrameSpectrum spectrum, int blockSize, WhitenedGram? accumulated = null)
    {
        var m = frame.M;
        var n = frame.N;
        var u = spectrum.FrameVectors ?? throw Fail.Internal("the eigenbasis leverage needs the frame operator's eigenvectors");
        var first = accumulated ?? FirstPass(kernels, frame, spectrum, blockSize);
        var r = first.Rank;

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

        return leverage;
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
            gram.Add(kernels, projections.AsSpan(0, m * count), count);
        }

        return gram;
    }
}
