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
        var r = spectrum.Rank;
        var u = spectrum.FrameVectors ?? throw Fail.Internal("the eigenbasis leverage needs the frame operator's eigenvectors");
        var whitened = new double[(long)m * r];
        for (var k = 0; k < r; k++)
        {
            var scale = 1.0 / Math.Sqrt(spectrum.Eigenvalues[k]);
            var source = u.AsSpan(k * m, m);
            var target = whitened.AsSpan(k * m, m);
            for (var i = 0; i < m; i++) target[i] = source[i] * scale;
        }

        var y = new double[(long)r * Math.Min(blockSize, n)];
        var gram = accumulated?.Gram;
        if (gram is null)
        {
            gram = new double[(long)r * r];
            for (var start = 0; start < n; start += blockSize)
            {
                var count = Math.Min(blockSize, n - start);
                var span = y.AsSpan(0, r * count);
                kernels.GemmTransposeA(r, count, m, whitened, frame.Weights.AsSpan(start * m, m * count), span);
                kernels.SyrkAdd(r, count, span, gram);
            }
        }

        if (!kernels.Cholesky(r, gram)) return null;
        var leverage = new double[n];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var span = y.AsSpan(0, r * count);
            kernels.GemmTransposeA(r, count, m, whitened, frame.Weights.AsSpan(start * m, m * count), span);
            kernels.SolveLower(r, count, gram, span);
            for (var j = 0; j < count; j++)
            {
                double s = 0;
                foreach (var v in span.Slice(j * r, r)) s += v * v;
                leverage[start + j] = s;
            }
        }

        return leverage;
    }
}
