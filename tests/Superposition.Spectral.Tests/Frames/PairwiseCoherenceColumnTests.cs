using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>
/// The exact scan adds a column of a tile at a time (float32 columns eight pairs at a time, with partial sums); the
/// sampled scan adds pair by pair. With the sample set to every feature the sampled scan visits the same pairs in the
/// same order, so the maximum, the histogram and the clusters must agree to the last bit, and the two means (sums of
/// N non-negative terms added in two orders) within 2(N − 1)·2⁻⁵³ of each other, relative (Higham's bound for
/// recursive summation, applied to each order).
/// </summary>
public sealed class PairwiseCoherenceColumnTests
{
    [Theory]
    [InlineData(8, 300, 1, 64, false)]
    [InlineData(32, 700, 2, 128, false)]
    [InlineData(5, 129, 3, 1000, false)]
    [InlineData(8, 300, 4, 64, true)]
    [InlineData(32, 700, 5, 128, true)]
    public void Column_scan_gives_the_same_bits_as_the_pair_by_pair_scan(int m, int n, int seed, int block, bool single)
    {
        var input = WithDuplicates(TestFrames.Random(m, n, seed));
        var exact = new CoherenceOptions { BlockSize = block, SinglePrecisionAbove = single ? 10 : 100_000 };
        var everyFeatureSampled = exact with { ExactFeatureLimit = n - 1, SampleSize = n };
        var columns = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Coherence = exact }).Coherence;
        var pairs = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Coherence = everyFeatureSampled }).Coherence;

        Assert.True(columns.Exact);
        Assert.False(pairs.Exact);
        Assert.Equal(n * (n - 1L) / 2, columns.PairsExamined);
        Assert.Equal(columns.PairsExamined, pairs.PairsExamined);
        Assert.Equal(pairs.MaxCoherence!.Value, columns.MaxCoherence!.Value);
        var summation = 2.0 * (columns.PairsExamined - 1) * Math.Pow(2, -53);
        Assert.Equal(pairs.MeanAbsCosine!.Value, columns.MeanAbsCosine!.Value, summation * pairs.MeanAbsCosine.Value);
        Assert.Equal(pairs.MeanSquaredFromPairs!.Value, columns.MeanSquaredFromPairs!.Value, summation * pairs.MeanSquaredFromPairs.Value);
        if (!single)
        {
            // Double columns take the scalar loop: the same additions in the same order.
            Assert.Equal(pairs.MeanAbsCosine.Value, columns.MeanAbsCosine.Value);
            Assert.Equal(pairs.MeanSquaredFromPairs.Value, columns.MeanSquaredFromPairs.Value);
        }

        Assert.Equal(pairs.HistogramCounts, columns.HistogramCounts);
        Assert.Equal(n * (n - 1L) / 2, columns.HistogramCounts.Sum());
        Assert.Equal(2, columns.DuplicateClusterCount);
        Assert.Equal(pairs.DuplicateClusters.Select(c => c.Members), columns.DuplicateClusters.Select(c => c.Members));
        Assert.Equal(pairs.DuplicateClusters.Select(c => c.MinLinkAbsCosine), columns.DuplicateClusters.Select(c => c.MinLinkAbsCosine));
    }

    /// <summary>Features 1 ≈ 7 and 40 ≈ 41 (|cos| above the 0.99 duplicate threshold, one pair anti-parallel).</summary>
    private static FrameInput WithDuplicates(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var w = (double[])input.Weights.Clone();
        for (var k = 0; k < m; k++)
        {
            w[k + (7 * m)] = (3 * w[k + m]) + (0.001 * Math.Cos(k));
            w[k + (41 * m)] = (-0.5 * w[k + (40 * m)]) + (0.001 * Math.Sin(k));
        }

        return input with { Weights = w };
    }
}
