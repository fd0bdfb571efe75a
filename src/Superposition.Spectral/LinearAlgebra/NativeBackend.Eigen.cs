using System.Runtime.InteropServices;
using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>Symmetric eigendecomposition by divide and conquer (<c>dsyevd_</c>/<c>ssyevd_</c>).</summary>
internal sealed unsafe partial class NativeBackend
{
    /// <summary>
    /// Largest side at which eigenvalues without vectors take the one-stage <c>dsyevd</c>, measured faster than
    /// <c>dsyevd_2stage</c> up to there (one thread, OpenBLAS 0.3.21: n = 384 5.0 against 8.3 ms, 1024 75 against
    /// 100 ms); at 4096 the two-stage one is 2-3× faster.
    /// </summary>
    public const int OneStageValuesUpTo = 1024;

    public void SymmetricEigen(int n, double[] a, double[] eigenvalues, bool computeVectors)
    {
        BackendArguments.Square(n, a.Length, eigenvalues.Length);
        BackendArguments.FiniteLowerTriangle(n, a);
        if (n == 0)
        {
            return;
        }

        if (!computeVectors && n > OneStageValuesUpTo && _lapack.Dsyevd2StageExport != 0)
        {
            EigenvaluesTwoStage(n, a, eigenvalues);
            return;
        }

        var jobz = Fortran.Flag(computeVectors ? 'V' : 'N');
        var uplo = Fortran.Flag('L');
        int nn = n, lda = n, info = 0;
        fixed (double* pa = a, pw = eigenvalues)
        {
            // Workspace query first: for values only it asks for room for the blocked tridiagonal
            // reduction (the documented minimum 2n+1 would force the slow unblocked one).
            double queryWork = 0;
            int queryIwork = 0, minusOne = -1, minusOneI = -1;
            _lapack.Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, &queryWork, &minusOne, &queryIwork, &minusOneI, &info, Fortran.CharLength, Fortran.CharLength);
            var (lworkLong, liworkLong) = SyevdWorkspace(n, computeVectors, queryWork, queryIwork);
            int lwork = Fortran.Int32(lworkLong, "dsyevd lwork"), liwork = Fortran.Int32(liworkLong, "dsyevd liwork");

            var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
            var iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
            try
            {
                _lapack.Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, work, &lwork, iwork, &liwork, &info, Fortran.CharLength, Fortran.CharLength);
            }
            finally
            {
                NativeMemory.Free(work);
                NativeMemory.Free(iwork);
            }
        }

        CheckInfo("dsyevd", n, info);
    }

    /// <summary>Eigenvalues only by <c>dsyevd_2stage</c> above <see cref="OneStageValuesUpTo"/> (measured 2-3× faster than dsyevd at m = 4096, docs/methods.md).</summary>
    private void EigenvaluesTwoStage(int n, double[] a, double[] eigenvalues)
    {
        var jobz = Fortran.Flag('N');
        var uplo = Fortran.Flag('L');
        int nn = n, lda = n, info = 0;
        var routine = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)_lapack.Dsyevd2StageExport;
        fixed (double* pa = a, pw = eigenvalues)
        {
            double queryWork = 0;
            int queryIwork = 0, minusOne = -1, minusOneI = -1;
            routine(&jobz, &uplo, &nn, pa, &lda, pw, &queryWork, &minusOne, &queryIwork, &minusOneI, &info, Fortran.CharLength, Fortran.CharLength);
            CheckInfo("dsyevd_2stage workspace query", n, info);
            int lwork = Fortran.Int32((long)Math.Ceiling(queryWork), "dsyevd_2stage lwork"), liwork = Math.Max(1, queryIwork);
            var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
            var iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
            try
            {
                routine(&jobz, &uplo, &nn, pa, &lda, pw, work, &lwork, iwork, &liwork, &info, Fortran.CharLength, Fortran.CharLength);
            }
            finally
            {
                NativeMemory.Free(work);
                NativeMemory.Free(iwork);
            }
        }

        CheckInfo("dsyevd_2stage", n, info);
    }

    public void SymmetricEigen(int n, float[] a, float[] eigenvalues, bool computeVectors)
    {
        BackendArguments.Square(n, a.Length, eigenvalues.Length);
        BackendArguments.FiniteLowerTriangle(n, a);
        if (n == 0)
        {
            return;
        }

        var jobz = Fortran.Flag(computeVectors ? 'V' : 'N');
        var uplo = Fortran.Flag('L');
        int nn = n, lda = n, info = 0;
        fixed (float* pa = a, pw = eigenvalues)
        {
            // The float query rounds the size through a float (wrong from n ≈ 2895): the formula is the floor.
            float queryWork = 0;
            int queryIwork = 0, minusOne = -1, minusOneI = -1;
            _lapack.Ssyevd(&jobz, &uplo, &nn, pa, &lda, pw, &queryWork, &minusOne, &queryIwork, &minusOneI, &info, Fortran.CharLength, Fortran.CharLength);
            var (lworkLong, liworkLong) = SyevdWorkspace(n, computeVectors, queryWork, queryIwork);
            int lwork = Fortran.Int32(lworkLong, "ssyevd lwork"), liwork = Fortran.Int32(liworkLong, "ssyevd liwork");

            var work = (float*)NativeMemory.Alloc((nuint)lwork, sizeof(float));
            var iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
            try
            {
                _lapack.Ssyevd(&jobz, &uplo, &nn, pa, &lda, pw, work, &lwork, iwork, &liwork, &info, Fortran.CharLength, Fortran.CharLength);
            }
            finally
            {
                NativeMemory.Free(work);
                NativeMemory.Free(iwork);
            }
        }

        CheckInfo("ssyevd", n, info);
    }

    /// <summary>
    /// LAPACK's documented minimum (jobz='V': lwork = 1+6n+2n², liwork = 3+5n; jobz='N': 2n+1 and 1),
    /// raised to what the query asked for. Computed in 64 bits: 2n² passes int.MaxValue at n ≈ 32768.
    /// </summary>
    internal static (long Work, long Iwork) SyevdWorkspace(int n, bool computeVectors, double queriedWork, int queriedIwork)
    {
        long nl = n;
        var work = computeVectors ? 1 + (6 * nl) + (2 * nl * nl) : (2 * nl) + 1;
        var iwork = computeVectors ? 3 + (5 * nl) : 1;
        var queried = double.IsFinite(queriedWork) && queriedWork < long.MaxValue / 2 ? (long)Math.Ceiling(queriedWork) : 0;
        return (Math.Max(work, queried), Math.Max(iwork, queriedIwork));
    }

    private static void CheckInfo(string routine, int n, int info)
    {
        if (info > 0)
        {
            throw Fail.NumericalFailure(
                routine,
                "the eigenvalue algorithm failed to converge (info = " + info + ", n = " + n + ")");
        }

        if (info < 0)
        {
            throw Fail.Internal(routine + " rejected argument " + (-info) + " (n = " + n + ")");
        }
    }
}
