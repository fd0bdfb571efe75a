using System.Reflection;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;
using Superposition.Spectral.LinearAlgebra.Managed;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Fully managed backend: works everywhere, several times slower than LAPACK (benchmarks/results/eigen.md).
/// Products and the SVD come from MathNet.Numerics' managed provider; the symmetric eigensolver is our own
/// in-place SIMD port of the same EISPACK algorithm (MathNet's always builds eigenvectors and copies).
/// Used when no native LAPACK loads, and as the independent cross-check of the native backend in tests.
/// </summary>
internal sealed class ManagedBackend : ILinearAlgebraBackend
{
    // The managed provider explicitly, so a MathNet native provider found on some machine cannot change
    // what "managed" means (and MathNet's global Control is left alone).
    private static readonly ManagedLinearAlgebraProvider Provider = ManagedLinearAlgebraProvider.Instance;

    public ManagedBackend()
    {
        var version = typeof(Matrix<double>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Matrix<double>).Assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        Name = "managed (MathNet.Numerics " + (plus >= 0 ? version[..plus] : version) + ")";
    }

    public string Name { get; }

    public void SymmetricEigen(int n, double[] a, double[] eigenvalues, bool computeVectors)
    {
        BackendArguments.Square(n, a.Length, eigenvalues.Length);
        BackendArguments.FiniteLowerTriangle(n, a);
        if (n == 0)
        {
            return;
        }

        // In place, on the lower triangle; for values only the contract leaves a unspecified afterwards.
        if (computeVectors)
        {
            SymmetricEigensolver.ValuesAndVectors(n, a, eigenvalues);
        }
        else
        {
            SymmetricEigensolver.Values(n, a, eigenvalues);
        }
    }

    public void SymmetricEigen(int n, float[] a, float[] eigenvalues, bool computeVectors)
    {
        BackendArguments.Square(n, a.Length, eigenvalues.Length);

        // Decompose in double (decompositions are double precision by policy) and round once at the end.
        var wide = new double[(long)n * n];
        for (long i = 0; i < wide.LongLength; i++)
        {
            wide[i] = a[i];
        }

        var values = new double[n];
        SymmetricEigen(n, wide, values, computeVectors);
        for (var k = 0; k < n; k++)
        {
            eigenvalues[k] = (float)values[k];
        }

        if (computeVectors)
        {
            for (long i = 0; i < wide.LongLength; i++)
            {
                a[i] = (float)wide[i];
            }
        }
    }

    public void Syrk(int rows, int k, double[] a, double[] c)
    {
        BackendArguments.Syrk(rows, k, a.Length, c.Length);
        Provider.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.Transpose, 1.0, a, rows, k, a, rows, k, 0.0, c);
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double[] a, double[] b, double[] c)
    {
        BackendArguments.Gemm(m, n, k, a.Length, b.Length, c.Length);
        var (rowsA, colsA) = transposeA ? (k, m) : (m, k);
        var (rowsB, colsB) = transposeB ? (n, k) : (k, n);
        Provider.MatrixMultiplyWithUpdate(Op(transposeA), Op(transposeB), 1.0, a, rowsA, colsA, b, rowsB, colsB, 0.0, c);
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, float[] a, float[] b, float[] c)
    {
        BackendArguments.Gemm(m, n, k, a.Length, b.Length, c.Length);
        var (rowsA, colsA) = transposeA ? (k, m) : (m, k);
        var (rowsB, colsB) = transposeB ? (n, k) : (k, n);
        Provider.MatrixMultiplyWithUpdate(Op(transposeA), Op(transposeB), 1.0f, a, rowsA, colsA, b, rowsB, colsB, 0.0f, c);
    }

    public void ThinSvd(int rows, int cols, double[] a, double[] singularValues, double[] u)
    {
        BackendArguments.ThinSvd(rows, cols, a.Length, singularValues.Length, u.Length);
        BackendArguments.Finite(a, "a");
        if (cols == 0)
        {
            return;
        }

        // MathNet's SVD only returns the full rows × rows U. Go through a thin QR instead:
        // A = Q R (Q rows × cols), R = Ur S Vrᵀ, so U = Q Ur and the big square U is never formed.
        var matrix = Matrix<double>.Build.Dense(rows, cols, a);
        var qr = matrix.QR(QRMethod.Thin);
        Svd<double> svd;
        try
        {
            svd = qr.R.Svd(computeVectors: true);
        }
        catch (NonConvergenceException e)
        {
            throw Fail.NumericalFailure("SVD (managed)", "did not converge (" + rows + " × " + cols + "): " + e.Message);
        }

        var s = svd.S;
        for (var k = 0; k < cols; k++)
        {
            singularValues[k] = s[k];
        }

        var thinU = Matrix<double>.Build.Dense(rows, cols, u);
        qr.Q.Multiply(svd.U, thinU);
    }

    private static Transpose Op(bool transpose) => transpose ? Transpose.Transpose : Transpose.DontTranspose;
}
