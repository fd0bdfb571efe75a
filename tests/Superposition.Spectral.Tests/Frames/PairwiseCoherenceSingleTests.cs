using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>The float32 pair scan: maximum and near-duplicates exact after the float64 recheck, the rest within the stated bound.</summary>
public sealed class PairwiseCoherenceSingleTests
{
    [Theory]
    [InlineData(32, 700, 1, 128)]
    [InlineData(64, 513, 2, 100)]
    public void Float32_scan_gives_the_exact_maximum_and_the_same_duplicates(int m, int n, int seed, int block)
    {
        var input = WithDuplicates(TestFrames.Random(m, n, seed));
        var single = new AnalysisOptions { Coherence = new CoherenceOptions { SinglePrecisionAbove = 10, BlockSize = block } };
        var result = FrameAnalyzerGoldenTests.Analyze(input, single).Coherence;
        var (max, meanAbs, meanSquared) = BruteForce(input);
        var bound = (m + 2) * Math.Pow(2, -24) * 1.01;

        Assert.True(result.Exact);
        Assert.Equal(n * (n - 1L) / 2, result.PairsExamined);
        Assert.Equal(max, result.MaxCoherence!.Value, 1e-12);
        Assert.Equal(meanAbs, result.MeanAbsCosine!.Value, bound);
        Assert.Equal(meanSquared, result.MeanSquaredFromPairs!.Value, 2 * bound);
        Assert.Equal(meanSquared, result.MeanSquaredCoherence!.Value, 1e-12);
        Assert.Contains("float32", result.Note);

        // Planted: features 3 ≈ 10 (cos > 0.999) and 20 ≈ 21 ≈ 22.
        Assert.Equal(2, result.DuplicateClusterCount);
        Assert.Equal([20, 21, 22], result.DuplicateClusters[0].Members);
        Assert.Equal([3, 10], result.DuplicateClusters[1].Members);
    }

    [Fact]
    public void Float32_sampled_scan_counts_the_same_pairs_as_the_double_scan()
    {
        var input = TestFrames.Random(16, 600, seed: 9);
        var coherence = new CoherenceOptions { ExactFeatureLimit = 100, SampleSize = 150, Seed = 3 };
        var dbl = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Coherence = coherence }).Coherence;
        var sgl = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Coherence = coherence with { SinglePrecisionAbove = 10 } }).Coherence;

        Assert.False(sgl.Exact);
        Assert.Equal(dbl.PairsExamined, sgl.PairsExamined);
        Assert.Equal(dbl.MaxCoherence!.Value, sgl.MaxCoherence!.Value, 1e-12);
        Assert.Equal(dbl.MeanAbsCosine!.Value, sgl.MeanAbsCosine!.Value, 1e-5);
    }

    private static FrameInput WithDuplicates(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var w = (double[])input.Weights.Clone();
        void Copy(int from, int to, double noise)
        {
            for (var k = 0; k < m; k++) w[k + (to * m)] = (2 * w[k + (from * m)]) + (noise * Math.Sin(k + to));
        }

        Copy(3, 10, 0.01);
        Copy(20, 21, 0.01);
        Copy(20, 22, 0.02);
        return input with { Weights = w };
    }

    private static (double Max, double MeanAbs, double MeanSquared) BruteForce(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount;
        double max = 0, sumAbs = 0, sumSquares = 0;
        long count = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                double dot = 0, ni = 0, nj = 0;
                for (var k = 0; k < m; k++)
                {
                    dot += input.Weights[k + (i * m)] * input.Weights[k + (j * m)];
                    ni += input.Weights[k + (i * m)] * input.Weights[k + (i * m)];
                    nj += input.Weights[k + (j * m)] * input.Weights[k + (j * m)];
                }

                var c = dot / Math.Sqrt(ni * nj);
                max = Math.Max(max, Math.Abs(c));
                sumAbs += Math.Abs(c);
                sumSquares += c * c;
                count++;
            }
        }

        return (max, sumAbs / count, sumSquares / count);
    }
}
