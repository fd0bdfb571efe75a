using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// The float32 eigendecomposition, checked in double against the float input rounded once: residual and
/// distance to the double eigenvalues within 8 · n · ε₃₂ · ‖A‖_F, orthonormality within 8 · n · ε₃₂.
/// </summary>
public sealed class SymmetricEigenFloatTests
{
    public static TheoryData<string, int> Cases => TestBackends.WithSizes(1, 2, 7, 64, 200);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_eigenpairs_match_double_to_float_tolerance(string backend, int n)
    {
        var single = ToFloat(RandomSymmetric(n, seed: 4000 + n));
        var a = ToDouble(single);
        var valuesF = new float[n];
        var vectorsF = (float[])single.Clone();
        var valuesD = new double[n];
        var sut = TestBackends.Create(backend);

        sut.SymmetricEigen(n, vectorsF, valuesF, computeVectors: true);
        sut.SymmetricEigen(n, (double[])a.Clone(), valuesD, computeVectors: false);

        var tolerance = 8 * n * Eps32 * FrobeniusNorm(a);
        Assert.True(MaxAbsDiff(ToDouble(valuesF), valuesD) <= tolerance, "float eigenvalues too far from double ones");
        Assert.True(EigenResidual(n, a, ToDouble(valuesF), ToDouble(vectorsF)) <= tolerance, "float residual too large");
        Assert.True(OrthonormalityError(n, n, ToDouble(vectorsF)) <= 8 * n * Eps32, "float eigenvectors not orthonormal");
        for (var k = 1; k < n; k++)
        {
            Assert.True(valuesF[k - 1] <= valuesF[k], $"eigenvalue {k - 1} > eigenvalue {k}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_second_difference_matrix_has_the_closed_form_eigenvalues(string backend, int n)
    {
        var expected = Enumerable.Range(1, n).Select(k => 2 - (2 * Math.Cos(k * Math.PI / (n + 1)))).ToArray();
        var values = new float[n];

        TestBackends.Create(backend).SymmetricEigen(n, ToFloat(SecondDifference(n)), values, computeVectors: false);

        Assert.True(MaxAbsDiff(expected, ToDouble(values)) <= 8 * n * Eps32 * 4, "closed-form eigenvalues not reproduced");
    }
}
