using System.Runtime.InteropServices;
using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>Thin SVD by divide and conquer (<c>dgesdd_</c>, jobz='S').</summary>
internal sealed unsafe partial class NativeBackend
{
    public void ThinSvd(int rows, int cols, double[] a, double[] singularValues, double[] u)
    {
        BackendArguments.ThinSvd(rows, cols, a.Length, singularValues.Length, u.Length);
        BackendArguments.Finite(a, "a");
        if (cols == 0)
        {
            return;
        }

        var jobz = Fortran.Flag('S');
        int m = rows, n = cols, lda = Fortran.Ld(rows), ldu = Fortran.Ld(rows), ldvt = Fortran.Ld(cols), info = 0;

        // Vᵀ is not part of the contract, but jobz='S' computes it anyway (cols × cols, small for tall A).
        var vt = new double[(long)cols * cols];
        var iwork = (int*)NativeMemory.Alloc((nuint)(8L * cols), sizeof(int));
        try
        {
            fixed (double* pa = a, ps = singularValues, pu = u, pvt = vt)
            {
                double query = 0;
                var minusOne = -1;
                _lapack.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, &query, &minusOne, iwork, &info, Fortran.CharLength);
                CheckSvdInfo(rows, cols, info);

                // Documented minimum for jobz='S': 4·mn² + 7·mn (LAPACK 3.7+), older 3·mn + max(m, 4·mn² + 4·mn);
                // mn = cols. The sum below covers both.
                long mn = cols;
                var lworkLong = Math.Max((4 * mn * mn) + (7 * mn) + rows, (long)Math.Ceiling(query));
                var lwork = Fortran.Int32(lworkLong, "dgesdd lwork");
                var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
                try
                {
                    _lapack.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, work, &lwork, iwork, &info, Fortran.CharLength);
                }
                finally
                {
                    NativeMemory.Free(work);
                }
            }
        }
        finally
        {
            NativeMemory.Free(iwork);
        }

        CheckSvdInfo(rows, cols, info);
    }

    private static void CheckSvdInfo(int rows, int cols, int info)
    {
        if (info > 0)
        {
            throw Fail.NumericalFailure("dgesdd", "the SVD failed to converge (info = " + info + ", " + rows + " × " + cols + ")");
        }

        if (info < 0)
        {
            throw Fail.Internal("dgesdd rejected argument " + (-info) + " (" + rows + " × " + cols + ")");
        }
    }
}
