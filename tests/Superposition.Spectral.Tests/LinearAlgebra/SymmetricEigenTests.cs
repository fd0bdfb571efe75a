using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// The symmetric eigendecomposition contract on every backend. Tolerances follow backward stability:
/// residuals of c · n · ε · ‖A‖_F with c = 64 (double) or 8 (float, where ε is 5·10⁸ times larger).
/// </summary>
public sealed class SymmetricEigenTests
{
    public static TheoryData<string, int> Cases => TestBackends.WithSizes(1, 2, 7, 64, 200);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eigenpairs_satisfy_A_v_equals_lambda_v(string backend, int n)
    {
        var a = RandomSymmetric(n, seed: 1000 + n);
        var work = (double[])a.Clone();
        var values = new double[n];

        TestBackends.Create(backend).SymmetricEigen(n, work, values, computeVectors: true);

        Assert.True(EigenResidual(n, a, values, work) <= 64 * n * Eps64 * FrobeniusNorm(a), "residual too large");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eigenvectors_are_orthonormal(string backend, int n)
    {
        var a = RandomSymmetric(n, seed: 2000 + n);
        var values = new double[n];

        TestBackends.Create(backend).SymmetricEigen(n, a, values, computeVectors: true);

        Assert.True(OrthonormalityError(n, n, a) <= 64 * n * Eps64, "VᵀV differs from I");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eigenvalues_are_ascending_and_values_only_gives_the_same_values(string backend, int n)
    {
        var a = RandomSymmetric(n, seed: 3000 + n);
        var withVectors = new double[n];
        var valuesOnly = new double[n];
        var sut = TestBackends.Create(backend);

        sut.SymmetricEigen(n, (double[])a.Clone(), withVectors, computeVectors: true);
        sut.SymmetricEigen(n, (double[])a.Clone(), valuesOnly, computeVectors: false);

        for (var k = 1; k < n; k++)
        {
            Assert.True(withVectors[k - 1] <= withVectors[k], $"eigenvalue {k - 1} > eigenvalue {k}");
        }

        Assert.True(MaxAbsDiff(withVectors, valuesOnly) <= 64 * n * Eps64 * FrobeniusNorm(a));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Second_difference_matrix_has_the_closed_form_eigenvalues(string backend, int n)
    {
        // Eigenvalues of tridiag(-1, 2, -1): 2 − 2 cos(kπ/(n+1)), k = 1..n, already ascending in k.
        var expected = Enumerable.Range(1, n).Select(k => 2 - (2 * Math.Cos(k * Math.PI / (n + 1)))).ToArray();
        var values = new double[n];

        TestBackends.Create(backend).SymmetricEigen(n, SecondDifference(n), values, computeVectors: false);

        Assert.True(MaxAbsDiff(expected, values) <= 1e-13 * n, "closed-form eigenvalues not reproduced");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Hand_computed_three_by_three(string backend)
    {
        // [[2,1,0],[1,3,1],[0,1,4]] = 3I + B, B has trace 0, det 0 and tr B² = 6, so eigenvalues 3 − √3, 3, 3 + √3.
        double[] a = [2, 1, 0, 1, 3, 1, 0, 1, 4];
        var values = new double[3];

        TestBackends.Create(backend).SymmetricEigen(3, a, values, computeVectors: true);

        Assert.Equal(3 - Math.Sqrt(3), values[0], 1e-14);
        Assert.Equal(3, values[1], 1e-14);
        Assert.Equal(3 + Math.Sqrt(3), values[2], 1e-14);

        // The eigenvector of 3 is (1, 1, −1)/√3 up to sign.
        var dot = (a[3] + a[4] - a[5]) / Math.Sqrt(3);
        Assert.Equal(1, Math.Abs(dot), 1e-14);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Only_the_lower_triangle_is_read(string backend)
    {
        const int n = 7;
        var a = RandomSymmetric(n, seed: 7);
        var poisoned = (double[])a.Clone();
        for (var j = 1; j < n; j++)
        {
            for (var i = 0; i < j; i++)
            {
                poisoned[i + (j * n)] = double.NaN;
            }
        }

        var expected = new double[n];
        var actual = new double[n];
        var sut = TestBackends.Create(backend);
        sut.SymmetricEigen(n, a, expected, computeVectors: false);
        sut.SymmetricEigen(n, poisoned, actual, computeVectors: false);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Non_finite_input_is_a_numerical_failure(string backend)
    {
        var a = RandomSymmetric(3, seed: 3);
        a[1] = double.PositiveInfinity;

        var e = Assert.Throws<SuperpositionException>(() => TestBackends.Create(backend).SymmetricEigen(3, a, new double[3], true));

        Assert.Equal(ErrorKind.NumericalFailure, e.Kind);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Wrong_lengths_are_rejected_before_any_work(string backend)
    {
        var e = Assert.Throws<SuperpositionException>(() => TestBackends.Create(backend).SymmetricEigen(3, new double[8], new double[3], true));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Empty_matrix_is_a_no_op(string backend) =>
        TestBackends.Create(backend).SymmetricEigen(0, Array.Empty<double>(), Array.Empty<double>(), computeVectors: true);

    public static TheoryData<string> Backends => TestBackends.All();
}
