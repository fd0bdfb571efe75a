using System.Runtime.InteropServices;
using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>The streaming kernels on spans: pinned and passed to BLAS/LAPACK without copies.</summary>
internal sealed unsafe partial class NativeBackend : IBlockKernels
{
    /// <summary>Row block of dtplqt's compact WY representation (LAPACK's usual 32–64).</summary>
    private const int LqBlock = 48;

    public bool SupportsLq => _lapack.DtplqtExport != 0 && _lapack.DtrsmExport != 0 && _lapack.DpotrfExport != 0;

    public bool Cholesky(int m, Span<double> a)
    {
        Require(SupportsLq && a.Length >= (long)m * m, "Cholesky");
        if (m == 0) return true;
        byte uplo = Fortran.Flag('L');
        int n = m, lda = m, info = 0;
        fixed (double* pa = a)
        {
            ((delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void>)_lapack.DpotrfExport)(&uplo, &n, pa, &lda, &info, Fortran.CharLength);
        }

        if (info < 0) throw Fail.Internal("dpotrf rejected argument " + (-info));
        return info == 0;
    }

    public void SyrkAdd(int rows, int k, ReadOnlySpan<double> a, Span<double> c)
    {
        Require(a.Length >= (long)rows * k && c.Length >= (long)rows * rows, "SyrkAdd");
        if (rows == 0 || k == 0) return;
        var uplo = Fortran.Flag('L');
        var trans = Fortran.Flag('N');
        int n = rows, kk = k, lda = Fortran.Ld(rows), ldc = Fortran.Ld(rows);
        double alpha = 1.0, beta = 1.0;
        fixed (double* pa = a, pc = c)
        {
            _lapack.Dsyrk(&uplo, &trans, &n, &kk, &alpha, pa, &lda, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    public void SyrkAdd(int rows, int k, ReadOnlySpan<float> a, Span<float> c)
    {
        Require(a.Length >= (long)rows * k && c.Length >= (long)rows * rows, "SyrkAdd");
        if (rows == 0 || k == 0) return;
        var uplo = Fortran.Flag('L');
        var trans = Fortran.Flag('N');
        int n = rows, kk = k, lda = Fortran.Ld(rows), ldc = Fortran.Ld(rows);
        float alpha = 1f, beta = 1f;
        fixed (float* pa = a, pc = c)
        {
            _lapack.Ssyrk(&uplo, &trans, &n, &kk, &alpha, pa, &lda, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    public void GemmTransposeA(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        Require(a.Length >= (long)k * m && b.Length >= (long)k * n && c.Length >= (long)m * n, "GemmTransposeA");
        if (m == 0 || n == 0) return;
        var ta = Fortran.Flag('T');
        var tb = Fortran.Flag('N');
        int mm = m, nn = n, kk = k, lda = Fortran.Ld(k), ldb = Fortran.Ld(k), ldc = Fortran.Ld(m);
        double alpha = 1.0, beta = 0.0;
        fixed (double* pa = a, pb = b, pc = c)
        {
            _lapack.Dgemm(&ta, &tb, &mm, &nn, &kk, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    public void GemmTransposeA(int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        Require(a.Length >= (long)k * m && b.Length >= (long)k * n && c.Length >= (long)m * n, "GemmTransposeA");
        if (m == 0 || n == 0) return;
        var ta = Fortran.Flag('T');
        var tb = Fortran.Flag('N');
        int mm = m, nn = n, kk = k, lda = Fortran.Ld(k), ldb = Fortran.Ld(k), ldc = Fortran.Ld(m);
        float alpha = 1.0f, beta = 0.0f;
        fixed (float* pa = a, pb = b, pc = c)
        {
            _lapack.Sgemm(&ta, &tb, &mm, &nn, &kk, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, Fortran.CharLength, Fortran.CharLength);
        }
    }

    public void LqAppend(int m, int count, Span<double> l, Span<double> b)
    {
        Require(SupportsLq && l.Length >= (long)m * m && b.Length >= (long)m * count, "LqAppend");
        if (m == 0 || count == 0) return;
        int mm = m, nn = count, trapezoid = 0, mb = Math.Min(LqBlock, m), lda = m, ldb = m, ldt = mb, info = 0;

        // T (ldt × m) and work (mb × m) are small next to the block; native memory keeps them off the GC heap.
        var t = (double*)NativeMemory.Alloc((nuint)((long)mb * m), sizeof(double));
        var work = (double*)NativeMemory.Alloc((nuint)((long)mb * m), sizeof(double));
        try
        {
            fixed (double* pl = l, pb = b)
            {
                ((delegate* unmanaged<int*, int*, int*, int*, double*, int*, double*, int*, double*, int*, double*, int*, void>)_lapack.DtplqtExport)(
                    &mm, &nn, &trapezoid, &mb, pl, &lda, pb, &ldb, t, &ldt, work, &info);
            }
        }
        finally
        {
            NativeMemory.Free(work);
            NativeMemory.Free(t);
        }

        if (info != 0) throw Fail.Internal("dtplqt rejected argument " + (-info) + " (" + m + " × " + count + ")");
    }

    public void SolveLower(int m, int count, ReadOnlySpan<double> l, Span<double> b)
    {
        Require(SupportsLq && l.Length >= (long)m * m && b.Length >= (long)m * count, "SolveLower");
        if (m == 0 || count == 0) return;
        byte side = Fortran.Flag('L'), uplo = Fortran.Flag('L'), trans = Fortran.Flag('N'), diag = Fortran.Flag('N');
        int mm = m, nn = count, lda = m, ldb = m;
        double alpha = 1.0;
        fixed (double* pl = l, pb = b)
        {
            ((delegate* unmanaged<byte*, byte*, byte*, byte*, int*, int*, double*, double*, int*, double*, int*, nuint, nuint, nuint, nuint, void>)_lapack.DtrsmExport)(
                &side, &uplo, &trans, &diag, &mm, &nn, &alpha, pl, &lda, pb, &ldb, Fortran.CharLength, Fortran.CharLength, Fortran.CharLength, Fortran.CharLength);
        }
    }

    private static void Require(bool condition, string kernel)
    {
        if (!condition) throw Fail.Internal(kernel + ": span shorter than the matrix it must hold, or kernel unavailable");
    }
}
