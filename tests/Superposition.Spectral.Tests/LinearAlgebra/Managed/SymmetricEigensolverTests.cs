using Superposition.Spectral.LinearAlgebra.Managed;

namespace Superposition.Spectral.Tests.LinearAlgebra.Managed;

/// <summary>
/// The managed values-only path on matrices with a known spectrum: H diag(λ) H with H = I − 2vvᵀ/vᵀv a
/// Householder reflector (exactly orthogonal, so the spectrum is λ), including repeated and zero eigenvalues.
/// Tolerance 1e-13 relative to max|λ|.
/// </summary>
public sealed class SymmetricEigensolverTests
{
    private static readonly double[] Spectrum = [7, 1, 1, 1, -2, 0, 0, 3.5];

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e150)]
    [InlineData(1e-150)]
    public void Known_spectrum_with_repeats_and_zeros_is_recovered_at_any_scale(double scale)
    {
        var lambda = Spectrum.Select(x => x * scale).ToArray();
        var n = lambda.Length;
        var values = new double[n];

        SymmetricEigensolver.Values(n, ReflectedDiagonal(lambda, [1, -2, 0.5, 3, -1, 2, 0.25, 1]), values);

        var expected = lambda.Order().ToArray();
        for (var k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(values[k] - expected[k]) <= 1e-13 * 7 * scale, $"eigenvalue {k}: {values[k]} vs {expected[k]}");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e150)]
    [InlineData(1e-150)]
    public void Known_spectrum_gives_orthonormal_eigenvectors_with_small_residual(double scale)
    {
        var lambda = Spectrum.Select(x => x * scale).ToArray();
        var n = lambda.Length;
        var a = ReflectedDiagonal(lambda, [1, -2, 0.5, 3, -1, 2, 0.25, 1]);
        var vectors = (double[])a.Clone();
        var values = new double[n];

        SymmetricEigensolver.ValuesAndVectors(n, vectors, values);

        Assert.Equal(lambda.Order().ToArray(), values, (x, y) => Math.Abs(x - y) <= 1e-13 * 7 * scale);
        Assert.True(TestMatrices.OrthonormalityError(n, n, vectors) <= 1e-14, "VᵀV differs from I");
        Assert.True(TestMatrices.EigenResidual(n, a, values, vectors) <= 1e-13 * 7 * scale, "residual too large");
    }

    [Fact]
    public void Diagonal_matrix_gives_its_sorted_diagonal_and_permuted_unit_vectors()
    {
        double[] diagonal = [3, -1, 0, 5, 2];
        var a = new double[25];
        for (var i = 0; i < 5; i++)
        {
            a[i + (i * 5)] = diagonal[i];
        }

        var values = new double[5];
        SymmetricEigensolver.ValuesAndVectors(5, a, values);

        Assert.Equal([-1, 0, 2, 3, 5], values);

        // Eigenvector of the k-th smallest value is ±e_i with i its position on the diagonal.
        int[] position = [1, 2, 4, 0, 3];
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(1.0, Math.Abs(a[position[k] + (k * 5)]));
        }
    }

    [Fact]
    public void Zero_matrix_has_zero_eigenvalues()
    {
        var values = Enumerable.Repeat(double.NaN, 6).ToArray();

        SymmetricEigensolver.Values(6, new double[36], values);

        Assert.All(values, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Upper_triangle_is_never_read_even_when_building_vectors()
    {
        var a = TestMatrices.RandomSymmetric(9, seed: 9);
        var poisoned = (double[])a.Clone();
        for (var j = 1; j < 9; j++)
        {
            for (var i = 0; i < j; i++)
            {
                poisoned[i + (j * 9)] = double.NaN;
            }
        }

        var expected = new double[9];
        var actual = new double[9];
        SymmetricEigensolver.ValuesAndVectors(9, a, expected);
        SymmetricEigensolver.ValuesAndVectors(9, poisoned, actual);

        Assert.Equal(expected, actual);
        Assert.Equal(a, poisoned);
    }

    [Fact]
    public void A_dead_row_and_column_add_a_zero_eigenvalue()
    {
        // [[2,1,0],[1,2,0],[0,0,0]] with the zero row in the middle after a permutation: spectrum {0, 1, 3}.
        double[] a = [2, 0, 1, 0, 0, 0, 1, 0, 2];
        var values = new double[3];

        SymmetricEigensolver.Values(3, a, values);

        Assert.Equal(0, values[0], 1e-15);
        Assert.Equal(1, values[1], 1e-15);
        Assert.Equal(3, values[2], 1e-15);
    }

    private static double[] ReflectedDiagonal(double[] lambda, double[] v)
    {
        var n = lambda.Length;
        var vv = v.Sum(x => x * x);
        var h = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                h[i + (j * n)] = (i == j ? 1 : 0) - (2 * v[i] * v[j] / vv);
            }
        }

        // A = H Λ H (H symmetric), summed in the order of k.
        var a = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += h[i + (k * n)] * lambda[k] * h[k + (j * n)];
                }

                a[i + (j * n)] = sum;
            }
        }

        return a;
    }
}
