using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Leverage from a streamed LQ factorisation W = L Q (Householder, backward stable like the thin SVD): the rows of
/// Q = L⁻¹ W are orthonormal, so ℓ_i = ‖L⁻¹ w_i‖² and Σ ℓ_i = m. L is built by appending one block of features at a
/// time to [L | W_b] (LAPACK dtplqt), so the working set is L plus one block. When F is rank-deficient (r &lt; m) the
/// SVD of L = U_L Σ V_Lᵀ (m × m) gives W's right singular vectors Qᵀ V_L, and ℓ_i = Σ_{k&lt;r} (u_Lkᵀ w_i / σ_k)², with
/// σ_k ≥ 1e-4 σ_max for every kept k (the zero tolerance), so no tiny singular value is divided by.
/// </summary>
internal static class LeverageLq
{
    public static (double[] Values, string Method) Compute(ILinearAlgebraBackend backend, IBlockKernels kernels, LiveFrame frame, FrameSpectrum spectrum, int blockSize, WhitenedGram? whitened = null)
    {
        var rank = spectrum.Rank;
        if (spectrum.FrameVectors is not null && LeverageEigenbasis.Compute(kernels, frame, spectrum, blockSize, whitened) is { } eigenbasis)
        {
            return (eigenbasis.Values, Leverage.EigenbasisMethod);
        }

        if (rank == frame.M && CholeskyQr2(kernels, frame, blockSize) is { } fast) return (fast, Leverage.CholeskyQr2Method);

        var m = frame.M;
        var n = frame.N;
        var block = new double[(long)m * Math.Min(blockSize, n)];
        var l = new double[(long)m * m];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var span = block.AsSpan(0, m * count);
            frame.Weights.AsSpan(start * m, m * count).CopyTo(span);
            kernels.LqAppend(m, count, l, span);
        }

        var leverage = new double[n];
        if (rank == m)
        {
            for (var start = 0; start < n; start += blockSize)
            {
                var count = Math.Min(blockSize, n - start);
                var span = block.AsSpan(0, m * count);
                frame.Weights.AsSpan(start * m, m * count).CopyTo(span);
                kernels.SolveLower(m, count, l, span);
                ColumnSquares(span, m, count, leverage.AsSpan(start, count));
            }

            return (leverage, Leverage.LqMethod);
        }

        // Rank-deficient: SVD of the small triangular factor. ThinSvd wants a full square array: zero the upper part.
        for (var j = 1; j < m; j++)
        {
            l.AsSpan(j * m, j).Clear();
        }

        var sigma = new double[m];
        var u = new double[(long)m * m];
        backend.ThinSvd(m, m, l, sigma, u);
        l = null!;

        // Scale the kept columns by 1/σ_k so one Gemm gives (u_kᵀ w_i / σ_k) for k < r.
        var scaled = new double[(long)m * rank];
        for (var k = 0; k < rank; k++)
        {
            var inverse = 1.0 / sigma[k];
            for (var i = 0; i < m; i++) scaled[i + ((long)k * m)] = u[i + ((long)k * m)] * inverse;
        }

        var projections = new double[(long)rank * Math.Min(blockSize, n)];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var c = projections.AsSpan(0, rank * count);
            kernels.GemmTransposeA(rank, count, m, scaled, frame.Weights.AsSpan(start * m, m * count), c);
            ColumnSquares(c, rank, count, leverage.AsSpan(start, count));
        }

        return (leverage, Leverage.LqSvdMethod);
    }

    /// <summary>
    /// Full rank: W = L Q with L = L₁ L₂ from two Cholesky passes (CholeskyQR2): L₁ L₁ᵀ = W Wᵀ, W₁ = L₁⁻¹ W,
    /// L₂ L₂ᵀ = W₁ W₁ᵀ, so Q = L₂⁻¹ L₁⁻¹ W has rows orthonormal to O(ε) whenever cond(W) is below about ε^(−1/2) ≈ 7e7
    /// (Yamamoto et al. 2015); rank m under the zero tolerance means cond(W) &lt; 1e4. All passes are Syrk and
    /// triangular solves on blocks (BLAS 3), about 4 n m² FLOPs. Null when a Cholesky factorisation fails (then the
    /// Householder route runs).
    /// </summary>
    private static double[]? CholeskyQr2(IBlockKernels kernels, LiveFrame frame, int blockSize)
    {
        var m = frame.M;
        var n = frame.N;
        var block = new double[(long)m * Math.Min(blockSize, n)];
        var l1 = new double[(long)m * m];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            kernels.SyrkAdd(m, count, frame.Weights.AsSpan(start * m, m * count), l1);
        }

        if (!kernels.Cholesky(m, l1)) return null;
        var l2 = new double[(long)m * m];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var span = block.AsSpan(0, m * count);
            frame.Weights.AsSpan(start * m, m * count).CopyTo(span);
            kernels.SolveLower(m, count, l1, span);
            kernels.SyrkAdd(m, count, span, l2);
        }

        if (!kernels.Cholesky(m, l2)) return null;
        var leverage = new double[n];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            var span = block.AsSpan(0, m * count);
            frame.Weights.AsSpan(start * m, m * count).CopyTo(span);
            kernels.SolveLower(m, count, l1, span);
            kernels.SolveLower(m, count, l2, span);
            ColumnSquares(span, m, count, leverage.AsSpan(start, count));
        }

        return leverage;
    }

    /// <summary>sums[j] = ‖column j‖² of a rows × count column-major matrix.</summary>
    internal static void ColumnSquares(ReadOnlySpan<double> matrix, int rows, int count, Span<double> sums)
    {
        for (var j = 0; j < count; j++)
        {
            double s = 0;
            foreach (var v in matrix.Slice(j * rows, rows)) s += v * v;
            sums[j] = s;
        }
    }
}
