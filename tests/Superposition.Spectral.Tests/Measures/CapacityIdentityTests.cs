using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>
/// m − Σ D_i = (m − r) + Σ (ℓ_i − D_i) (MATH.md section 2) on random frames: full rank, rank deficient, n &lt; m,
/// with dead features. D_i is checked against the brute-force Gram definition ‖w_i‖⁴ / Σ_j (w_i·w_j)².
/// </summary>
public sealed class CapacityIdentityTests
{
    public static TheoryData<int, int, int, int> Sizes => new()
    {
        // m, n, rank (0 = generic full rank), seed
        { 5, 20, 0, 1 },
        { 20, 200, 0, 2 },
        { 32, 96, 0, 3 },
        { 16, 64, 6, 4 },
        { 30, 10, 0, 5 },
        { 30, 12, 4, 6 },
        { 1, 7, 0, 7 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Capacity_identity_holds_to_1e9(int m, int n, int rank, int seed)
    {
        var input = rank == 0 ? TestFrames.Random(m, n, seed) : TestFrames.LowRank(m, n, rank, seed);
        var result = FrameAnalyzerGoldenTests.Analyze(input);
        var expectedRank = rank == 0 ? Math.Min(m, n) : rank;

        Assert.Equal(expectedRank, result.Spectrum.Rank);
        Assert.True(result.Capacity.IdentityResidual < 1e-9, $"residual {result.Capacity.IdentityResidual:R}");
        Assert.Equal(expectedRank, result.Capacity.SumLeverage, 1e-9);
        Assert.Equal(m - result.Capacity.SumDimensionality, result.Capacity.IdentityLeft, 1e-12);
        AssertDimensionalityIsBruteForceAndBelowLeverage(input, result);
    }

    [Fact]
    public void Dead_features_are_excluded_counted_and_keep_the_identity()
    {
        var input = TestFrames.WithDeadFeatures(TestFrames.Random(8, 30, seed: 11), 0, 7, 31);
        var result = FrameAnalyzerGoldenTests.Analyze(input);

        Assert.Equal([0, 7, 31], result.DeadFeatures);
        Assert.Equal(33, result.FeatureCount);
        Assert.Equal(30, result.LiveFeatureCount);
        Assert.DoesNotContain(7, result.PerFeature!.FeatureIndex);
        Assert.True(result.Capacity.IdentityResidual < 1e-9);
        Assert.Equal(8, result.Capacity.SumLeverage, 1e-9);
        AssertDimensionalityIsBruteForceAndBelowLeverage(input, result);

        // The same frame without the dead columns gives the same measures.
        var clean = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(8, 30, seed: 11));
        Assert.Equal(clean.Capacity.SumDimensionality, result.Capacity.SumDimensionality, 1e-12);
        Assert.Equal(clean.Capacity.DimensionsPerFeature, result.Capacity.DimensionsPerFeature, 1e-12);
    }

    [Fact]
    public void Rank_deficient_frame_reports_the_null_space_and_ratios_over_m_and_r()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.LowRank(16, 64, 6, seed: 4));

        Assert.Equal(6, result.Spectrum.Rank);
        var nullSpace = result.Spectrum.Eigenspaces[^1];
        Assert.True(nullSpace.IsNullSpace);
        Assert.Equal(10, nullSpace.Multiplicity);
        Assert.True(nullSpace.TotalMass < 1e-10);
        Assert.Equal(result.Capacity.SumDimensionality / 16, result.Capacity.CapacityRatio, 1e-14);
        Assert.Equal(result.Capacity.SumDimensionality / 6, result.Capacity.RankCapacityRatio, 1e-14);
        Assert.True(result.Capacity.SumDimensionality < 6 + 1e-9);
    }

    [Fact]
    public void Frame_with_all_features_dead_is_rejected()
    {
        var input = new FrameInput("zeros", 3, 4, new double[12]);

        var error = Assert.Throws<SuperpositionException>(() => FrameAnalyzerGoldenTests.Analyze(input));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    private static void AssertDimensionalityIsBruteForceAndBelowLeverage(FrameInput input, FrameAnalysis result)
    {
        var m = input.HiddenDimensions;
        var f = result.PerFeature!;
        for (var j = 0; j < f.FeatureIndex.Count; j++)
        {
            var i = f.FeatureIndex[j];
            double norm2 = Dot(input, i, i, m);
            double sum = 0;
            for (var other = 0; other < input.FeatureCount; other++)
            {
                var d = Dot(input, i, other, m);
                sum += d * d;
            }

            Assert.Equal(norm2 * norm2 / sum, f.Dimensionality[j], 1e-10);
            Assert.True(f.Dimensionality[j] <= f.Leverage[j] + 1e-9, $"D {f.Dimensionality[j]} > ℓ {f.Leverage[j]} for feature {i}");
            Assert.InRange(f.Slack[j], 0, 1);
        }
    }

    private static double Dot(FrameInput input, int a, int b, int m)
    {
        double s = 0;
        for (var k = 0; k < m; k++)
        {
            s += input.Weights[k + (a * m)] * input.Weights[k + (b * m)];
        }

        return s;
    }
}
