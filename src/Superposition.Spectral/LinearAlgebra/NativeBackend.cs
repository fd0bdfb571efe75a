using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// LAPACK/BLAS through P/Invoke (OpenBLAS when present: about 20× faster than the managed backend and on par
/// with numpy). Arrays are pinned and passed straight through, no copies. Safe to call from several threads;
/// OpenBLAS then threads inside each call too, so callers running layers in parallel limit it through
/// <see cref="IThreadedBackend"/>.
/// </summary>
internal sealed unsafe partial class NativeBackend : ILinearAlgebraBackend, IThreadedBackend
{
    private readonly LapackLibrary _lapack;

    /// <summary>Uses the process-wide library; throws <see cref="ErrorKind.NativeLibraryMissing"/> if none loads.</summary>
    public NativeBackend()
        : this(LapackLibrary.Shared(out var problem) ?? throw Missing(problem))
    {
    }

    internal NativeBackend(LapackLibrary lapack)
    {
        _lapack = lapack;
        Name = "native LAPACK (" + lapack.Description + ")";
    }

    public string Name { get; }

    public int Threads => _lapack.Threads;

    public void SetThreads(int threads) => _lapack.SetThreads(threads);

    /// <summary>True when a LAPACK library loads in this process (loads it on first call).</summary>
    public static bool IsAvailable(out string problem) => LapackLibrary.Shared(out problem) is not null;

    public void Syrk(int rows, int k, double[] a, double[] c)
    {
        BackendArguments.Syrk(rows, k, a.Length, c.Length);
        if (rows == 0)
        {
            return;
        }

        var uplo = Fortran.Flag('L');
        var trans = Fortran.Flag('N');
        int n = rows, kk = k, lda = Fortran.Ld(rows), ldc = Fortran.Ld(rows);
        double alpha = 1.0, beta = 0.0;
        fixed (double* pa = a, pc = c)
        {
            _lapack.Dsyrk(&uplo, &trans, &n, &kk, &alpha, pa, &lda, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }

        // dsyrk fills one triangle; the contract is the full symmetric matrix.
        for (var j = 0; j < rows; j++)
        {
            for (var i = j + 1; i < rows; i++)
            {
                c[j + ((long)i * rows)] = c[i + ((long)j * rows)];
            }
        }
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double[] a, double[] b, double[] c)
    {
        BackendArguments.Gemm(m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0)
        {
            return;
        }

        var ta = Fortran.Flag(transposeA ? 'T' : 'N');
        var tb = Fortran.Flag(transposeB ? 'T' : 'N');
        int mm = m, nn = n, kk = k, ldc = Fortran.Ld(m);
        int lda = Fortran.Ld(transposeA ? k : m), ldb = Fortran.Ld(transposeB ? n : k);
        double alpha = 1.0, beta = 0.0;
        fixed (double* pa = a, pb = b, pc = c)
        {
            _lapack.Dgemm(&ta, &tb, &mm, &nn, &kk, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, float[] a, float[] b, float[] c)
    {
        BackendArguments.Gemm(m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0)
        {
            return;
        }

        var ta = Fortran.Flag(transposeA ? 'T' : 'N');
        var tb = Fortran.Flag(transposeB ? 'T' : 'N');
        int mm = m, nn = n, kk = k, ldc = Fortran.Ld(m);
        int lda = Fortran.Ld(transposeA ? k : m), ldb = Fortran.Ld(transposeB ? n : k);
        float alpha = 1.0f, beta = 0.0f;
        fixed (float* pa = a, pb = b, pc = c)
        {
            _lapack.Sgemm(&ta, &tb, &mm, &nn, &kk, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    internal static SuperpositionException Missing(string problem) =>
        Fail.NativeLibraryMissing(
            "LAPACK (liblapack.so.3 / libopenblas.so.0)",
            "Install it with: apt-get install libopenblas0-pthread (or liblapack3). Tried: " + problem);
}
