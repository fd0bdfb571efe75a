using Superposition.Spectral.LinearAlgebra;
using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// Managed and native give the same answers: eigenvalues and singular values to 64 · n · ε · ‖A‖_F,
/// eigenvectors and singular vectors up to sign (|cos| within 1e-9 of 1; random spectra are well separated).
/// </summary>
public sealed class BackendAgreementTests
{
    private readonly ManagedBackend _managed = new();

    [NativeFact]
    public void Eigendecompositions_agree()
    {
        const int n = 120;
        var a = RandomSymmetric(n, seed: 42);
        var (managedValues, managedVectors) = Eigen(_managed, a, n);
        var (nativeValues, nativeVectors) = Eigen(new NativeBackend(), a, n);

        Assert.True(MaxAbsDiff(managedValues, nativeValues) <= 64 * n * Eps64 * FrobeniusNorm(a));
        AssertSameColumnsUpToSign(n, n, managedVectors, nativeVectors);
    }

    [NativeFact]
    public void Float_eigendecompositions_agree()
    {
        const int n = 120;
        var a = ToFloat(RandomSymmetric(n, seed: 43));
        var managed = new float[n];
        var native = new float[n];

        _managed.SymmetricEigen(n, (float[])a.Clone(), managed, computeVectors: false);
        new NativeBackend().SymmetricEigen(n, (float[])a.Clone(), native, computeVectors: false);

        Assert.True(MaxAbsDiff(ToDouble(managed), ToDouble(native)) <= 8 * n * Eps32 * FrobeniusNorm(ToDouble(a)));
    }

    [NativeFact]
    public void Thin_svds_agree()
    {
        const int rows = 150, cols = 40;
        var a = Random(rows, cols, seed: 44);
        var (managedS, managedU) = Svd(_managed, a, rows, cols);
        var (nativeS, nativeU) = Svd(new NativeBackend(), a, rows, cols);

        Assert.True(MaxAbsDiff(managedS, nativeS) <= 64 * rows * Eps64 * FrobeniusNorm(a));
        AssertSameColumnsUpToSign(rows, cols, managedU, nativeU);
    }

    [NativeFact]
    public void Products_agree()
    {
        var a = Random(33, 50, seed: 45);
        var b = Random(50, 21, seed: 46);
        var managed = new double[33 * 21];
        var native = new double[33 * 21];
        var managedSyrk = new double[33 * 33];
        var nativeSyrk = new double[33 * 33];

        _managed.Gemm(false, false, 33, 21, 50, a, b, managed);
        new NativeBackend().Gemm(false, false, 33, 21, 50, a, b, native);
        _managed.Syrk(33, 50, a, managedSyrk);
        new NativeBackend().Syrk(33, 50, a, nativeSyrk);

        Assert.True(MaxAbsDiff(managed, native) <= 4 * 50 * Eps64);
        Assert.True(MaxAbsDiff(managedSyrk, nativeSyrk) <= 4 * 50 * Eps64);
    }

    private static (double[] Values, double[] Vectors) Eigen(ILinearAlgebraBackend backend, double[] a, int n)
    {
        var vectors = (double[])a.Clone();
        var values = new double[n];
        backend.SymmetricEigen(n, vectors, values, computeVectors: true);
        return (values, vectors);
    }

    private static (double[] S, double[] U) Svd(ILinearAlgebraBackend backend, double[] a, int rows, int cols)
    {
        var s = new double[cols];
        var u = new double[rows * cols];
        backend.ThinSvd(rows, cols, (double[])a.Clone(), s, u);
        return (s, u);
    }

    private static void AssertSameColumnsUpToSign(int rows, int cols, double[] x, double[] y)
    {
        for (var k = 0; k < cols; k++)
        {
            var dot = 0.0;
            for (var i = 0; i < rows; i++)
            {
                dot += x[i + (k * rows)] * y[i + (k * rows)];
            }

            Assert.True(Math.Abs(Math.Abs(dot) - 1) <= 1e-9, $"column {k}: |cos| = {Math.Abs(dot)}");
        }
    }
}
