using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>Syrk against the explicit product A Aᵀ (triple loop), to 4 · k · ε per entry.</summary>
public sealed class SyrkTests
{
    public static TheoryData<string, int> Cases => TestBackends.WithSizes(1, 2, 7, 64, 200);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Syrk_equals_the_explicit_product_in_both_triangles(string backend, int rows)
    {
        var k = (rows / 2) + 3;
        var a = Random(rows, k, seed: 5000 + rows);
        var c = Enumerable.Repeat(double.NaN, rows * rows).ToArray();

        TestBackends.Create(backend).Syrk(rows, k, a, c);

        Assert.True(MaxAbsDiff(NaiveGemm(false, true, rows, rows, k, a, a), c) <= 4 * k * Eps64);
        for (var j = 0; j < rows; j++)
        {
            for (var i = j + 1; i < rows; i++)
            {
                Assert.Equal(c[i + (j * rows)], c[j + (i * rows)]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Syrk_of_a_small_matrix_by_hand(string backend)
    {
        // A = [1 2 3; 4 5 6] (2 × 3, column-major 1,4,2,5,3,6): A Aᵀ = [14 32; 32 77].
        double[] a = [1, 4, 2, 5, 3, 6];
        var c = new double[4];

        TestBackends.Create(backend).Syrk(2, 3, a, c);

        Assert.Equal([14, 32, 32, 77], c);
    }

    public static TheoryData<string> Backends => TestBackends.All();
}
