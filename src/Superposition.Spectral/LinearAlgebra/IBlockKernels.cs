namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Kernels of the streaming engine: they work on spans (a block of a frame in place, a reused buffer), so a pass
/// over n features allocates nothing per block and never copies the frame. Column-major like the backend.
/// </summary>
internal interface IBlockKernels
{
    /// <summary>True when <see cref="LqAppend"/> and <see cref="SolveLower"/> run natively (LAPACK dtplqt/dtrsm).</summary>
    bool SupportsLq { get; }

    /// <summary>C += A Aᵀ on the lower triangle of C (rows × rows); A is rows × k.</summary>
    void SyrkAdd(int rows, int k, ReadOnlySpan<double> a, Span<double> c);

    /// <summary>C += A Aᵀ in single precision (native only: the managed fallback has no float32 kernels).</summary>
    void SyrkAdd(int rows, int k, ReadOnlySpan<float> a, Span<float> c);

    /// <summary>C = Aᵀ B: A is k × m, B is k × n, C is m × n (double).</summary>
    void GemmTransposeA(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c);

    /// <summary>C = Aᵀ B in single precision.</summary>
    void GemmTransposeA(int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c);

    /// <summary>
    /// One step of a streamed LQ factorisation: [L | B] = [L' | 0] Q, with L lower triangular (m × m, updated in
    /// place) and B an m × count block of further columns (overwritten by Householder vectors).
    /// </summary>
    void LqAppend(int m, int count, Span<double> l, Span<double> b);

    /// <summary>
    /// Cholesky factor of the symmetric positive definite m × m matrix whose lower triangle is <paramref name="a"/>,
    /// in place (lower triangle; LAPACK dpotrf). False when the matrix is not numerically positive definite.
    /// </summary>
    bool Cholesky(int m, Span<double> a);

    /// <summary>B ← L⁻¹ B for lower-triangular L (m × m) and B of m × count.</summary>
    void SolveLower(int m, int count, ReadOnlySpan<double> l, Span<double> b);
}

/// <summary>Finds the block kernels of a backend: its own when it has them, else a managed fallback.</summary>
internal static class BlockKernels
{
    public static IBlockKernels For(ILinearAlgebraBackend backend) =>
        backend as IBlockKernels ?? new CopyingBlockKernels(backend);
}
