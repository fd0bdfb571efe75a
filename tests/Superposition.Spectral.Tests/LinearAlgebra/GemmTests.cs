using static Superposition.Spectral.Tests.LinearAlgebra.TestMatrices;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// GEMM in all four transpose combinations against the naive triple loop; tolerance 4 · k · ε · max|a| · max|b|
/// per entry (entries are in [-1, 1), so 4 · k · ε).
/// </summary>
public sealed class GemmTests
{
    public static TheoryData<string, bool, bool, int, int, int> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, bool, int, int, int>();
            foreach (var backend in TestBackends.Names())
            {
                foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
                {
                    data.Add(backend, ta, tb, 1, 1, 1);
                    data.Add(backend, ta, tb, 7, 3, 5);
                    data.Add(backend, ta, tb, 64, 17, 200);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Double_gemm_matches_the_triple_loop(string backend, bool transposeA, bool transposeB, int m, int n, int k)
    {
        var a = Random(m, k, seed: 11);
        var b = Random(k, n, seed: 12);
        var c = Enumerable.Repeat(double.NaN, m * n).ToArray();

        TestBackends.Create(backend).Gemm(transposeA, transposeB, m, n, k, a, b, c);

        Assert.True(MaxAbsDiff(NaiveGemm(transposeA, transposeB, m, n, k, a, b), c) <= 4 * k * Eps64);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_gemm_matches_the_triple_loop(string backend, bool transposeA, bool transposeB, int m, int n, int k)
    {
        var a = ToFloat(Random(m, k, seed: 13));
        var b = ToFloat(Random(k, n, seed: 14));
        var c = new float[m * n];

        TestBackends.Create(backend).Gemm(transposeA, transposeB, m, n, k, a, b, c);

        var expected = NaiveGemm(transposeA, transposeB, m, n, k, ToDouble(a), ToDouble(b));
        Assert.True(MaxAbsDiff(expected, ToDouble(c)) <= 4 * k * Eps32);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Transposes_are_of_the_stored_matrices(string backend)
    {
        // A = [1 2; 3 4] stored column-major as (1, 3, 2, 4); Aᵀ A = [10 14; 14 20], A Aᵀ = [5 11; 11 25].
        double[] a = [1, 3, 2, 4];
        var ata = new double[4];
        var aat = new double[4];
        var sut = TestBackends.Create(backend);

        sut.Gemm(true, false, 2, 2, 2, a, a, ata);
        sut.Gemm(false, true, 2, 2, 2, a, a, aat);

        Assert.Equal([10, 14, 14, 20], ata);
        Assert.Equal([5, 11, 11, 25], aat);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Empty_shared_dimension_gives_zeros(string backend)
    {
        var c = Enumerable.Repeat(double.NaN, 6).ToArray();

        TestBackends.Create(backend).Gemm(false, false, 2, 3, 0, [], [], c);

        Assert.All(c, x => Assert.Equal(0.0, x));
    }

    public static TheoryData<string> Backends => TestBackends.All();
}
