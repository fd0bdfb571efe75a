using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.HeavyTail;

/// <summary>
/// The float32 randomization null (ssyrk + ssyevd, used above <see cref="HeavyTailOptions.NullSinglePrecisionAbove"/>)
/// against the float64 one on the same shuffle, and against the spread of the float64 null over other seeds: the null
/// is one random draw, so its precision only needs to be well below that spread. Bound: each statistic moves by at most
/// 1e-3 of the spread (max − min) over five seeds (measured when written: 7e-7 to 1.3e-5 of it), and λ_max by at most
/// 1e-5 relative (float32 rounding of the operator, ~6e-8 per entry, grown by about √side).
/// </summary>
public sealed class ShuffleNullPrecisionTests
{
    [Theory]
    [InlineData(200, 500, 1)]
    [InlineData(320, 320, 2)]
    [InlineData(400, 150, 3)]
    public void Float32_null_moves_its_statistics_by_under_a_thousandth_of_the_seed_spread(int m, int n, int seed)
    {
        var input = PowerLawColumns(TestFrames.Random(m, n, seed));
        var backend = Backends.Native ?? throw new InvalidOperationException("these tests need a native LAPACK (scripts/install-deps.sh installs OpenBLAS)");
        ShuffleNullResult Null(int shuffleSeed, int singleAbove) => FrameAnalyzer.Analyze(
            input,
            new AnalysisOptions { HeavyTail = new HeavyTailOptions { ShuffleSeed = shuffleSeed, NullSinglePrecisionAbove = singleAbove } },
            backend).HeavyTail.Shuffle!;

        var single = Null(7, 0);
        var reference = Null(7, int.MaxValue);
        var others = Enumerable.Range(8, 4).Select(s => Null(s, int.MaxValue)).ToArray();

        Assert.True(single.SinglePrecision);
        Assert.False(reference.SinglePrecision);
        Assert.Equal(reference.ShuffledLambdaMax, single.ShuffledLambdaMax, 1e-5 * reference.ShuffledLambdaMax);
        Assert.Equal(reference.CorrelationTraps, single.CorrelationTraps);
        Within(r => r.JensenShannonDistance, single, reference, others);
        Within(r => r.SpectrumDistance, single, reference, others);
        Within(r => r.LambdaMaxRatio, single, reference, others);
    }

    [Fact]
    public void Small_operators_stay_float64_under_the_default()
    {
        var result = FrameAnalyzer.Analyze(TestFrames.Random(64, 300, 4), new AnalysisOptions(), Backends.Native!).HeavyTail.Shuffle!;
        Assert.False(result.SinglePrecision);
    }

    private static void Within(Func<ShuffleNullResult, double> statistic, ShuffleNullResult single, ShuffleNullResult reference, ShuffleNullResult[] others)
    {
        var values = others.Select(statistic).Append(statistic(reference)).ToArray();
        var spread = values.Max() - values.Min();
        var moved = Math.Abs(statistic(single) - statistic(reference));
        Assert.True(spread > 0, "the seeds must give different nulls");
        Assert.True(moved <= spread * 1e-3, $"float32 moved the statistic by {moved:e2}, seed spread {spread:e2}");
    }

    /// <summary>Hidden row k scaled by (k + 1)^−0.5, as the Llama-shaped benchmark layers.</summary>
    private static FrameInput PowerLawColumns(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var w = (double[])input.Weights.Clone();
        for (var i = 0; i < input.FeatureCount; i++)
        {
            for (var k = 0; k < m; k++) w[k + (i * m)] *= Math.Pow(k + 1.0, -0.5);
        }

        return input with { Weights = w };
    }
}
