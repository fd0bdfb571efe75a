using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.Tests.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>Blocked and sampled coherence against a brute-force pairwise loop written here.</summary>
public sealed class PairwiseCoherenceTests
{
    [Theory]
    [InlineData(6, 30, 1, 512)]
    [InlineData(6, 30, 2, 7)]
    [InlineData(10, 101, 3, 16)]
    public void Exact_coherence_equals_brute_force_for_any_block_size(int m, int n, int seed, int blockSize)
    {
        var input = TestFrames.Random(m, n, seed);
        var options = new AnalysisOptions { Coherence = new CoherenceOptions { BlockSize = blockSize, HistogramBins = 10 } };
        var result = FrameAnalyzerGoldenTests.Analyze(input, options).Coherence;
        var cosines = BruteForceCosines(input);

        Assert.True(result.Exact);
        Assert.Equal(n * (n - 1L) / 2, result.PairsExamined);
        Assert.Equal(cosines.Max(Math.Abs), result.MaxCoherence!.Value, 1e-12);
        Assert.Equal(cosines.Average(Math.Abs), result.MeanAbsCosine!.Value, 1e-12);
        Assert.Equal(cosines.Average(c => c * c), result.MeanSquaredCoherence!.Value, 1e-12);
        Assert.Equal(cosines.Average(c => c * c), result.MeanSquaredFromPairs!.Value, 1e-12);
        for (var b = 0; b < 10; b++)
        {
            Assert.Equal(cosines.Count(c => Math.Min(9, (int)((Math.Abs(c) * 10) + 1e-9)) == b), result.HistogramCounts[b]);
        }
    }

    [Fact]
    public void Sampled_estimate_is_near_the_exact_value_and_states_its_sample()
    {
        var input = TestFrames.Random(16, 600, seed: 9);
        var exact = FrameAnalyzerGoldenTests.Analyze(input).Coherence;
        var sampledOptions = new AnalysisOptions { Coherence = new CoherenceOptions { ExactFeatureLimit = 100, SampleSize = 150, Seed = 3 } };
        var sampled = FrameAnalyzerGoldenTests.Analyze(input, sampledOptions).Coherence;

        Assert.True(exact.Exact);
        Assert.False(sampled.Exact);
        Assert.Equal(150, sampled.SampledFeatures);
        Assert.Equal(3, sampled.SampleSeed);
        Assert.NotNull(sampled.Note);

        // Pairs with at least one sampled end, each once: C(600,2) − C(450,2).
        Assert.Equal((600L * 599 / 2) - (450L * 449 / 2), sampled.PairsExamined);
        Assert.Equal(exact.MeanAbsCosine!.Value, sampled.MeanAbsCosine!.Value, 0.01);
        Assert.Equal(exact.MeanSquaredFromPairs!.Value, sampled.MeanSquaredFromPairs!.Value, 0.005);
        Assert.Equal(exact.MeanSquaredCoherence!.Value, sampled.MeanSquaredCoherence!.Value, 1e-12);
        Assert.True(sampled.MaxCoherence <= exact.MaxCoherence + 1e-12);
        Assert.True(sampled.MaxCoherence >= 0.8 * exact.MaxCoherence);

        // Random Gaussian directions: mean cos² near 1/m and mean |cos| near sqrt(2/(π m)).
        Assert.Equal(exact.RandomMeanSquared, exact.MeanSquaredCoherence!.Value, 0.1 / 16);
        Assert.Equal(exact.RandomMeanAbsCosine, exact.MeanAbsCosine!.Value, 0.1 * exact.RandomMeanAbsCosine);
    }

    [Theory]
    [InlineData(2, 5, 31)]
    [InlineData(4, 9, 32)]
    [InlineData(8, 64, 33)]
    [InlineData(16, 17, 34)]
    [InlineData(3, 300, 35)]
    public void Welch_bounds_are_never_violated(int m, int n, int seed)
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(m, n, seed)).Coherence;

        Assert.True(result.MaxCoherence >= result.WelchBound - 1e-12, $"max {result.MaxCoherence} < Welch {result.WelchBound}");
        Assert.True(result.MeanSquaredCoherence >= result.WelchBoundMeanSquared - 1e-12);
        Assert.Equal(Math.Sqrt((n - m) / (m * (n - 1.0))), result.WelchBound, 1e-15);
    }

    [Fact]
    public void Equiangular_tight_frames_attain_the_Welch_bound()
    {
        var triangle = FrameAnalyzerGoldenTests.Analyze(TestFrames.Polygon(3)).Coherence;
        var tetrahedron = FrameAnalyzerGoldenTests.Analyze(TestFrames.Tetrahedron()).Coherence;

        Assert.Equal(0.5, triangle.WelchBound, 1e-15);
        Assert.Equal(triangle.WelchBound, triangle.MaxCoherence!.Value, 1e-12);
        Assert.Equal(tetrahedron.WelchBound, tetrahedron.MaxCoherence!.Value, 1e-12);
    }

    [Fact]
    public void Near_duplicate_features_are_reported_as_clusters()
    {
        // 40 random features plus five copies of one direction at small, unequal norms (collapsed classes),
        // and a near-antipodal pair: |cos| counts, so it is a duplicate cluster too.
        var random = TestFrames.Random(6, 40, seed: 12);
        var features = Enumerable.Range(0, 40).Select(i => random.Weights[(i * 6)..((i + 1) * 6)]).ToList();
        double[] direction = [1, 2, 0, -1, 0.5, 0];
        for (var c = 0; c < 5; c++)
        {
            features.Add(direction.Select((v, k) => (0.01 * (c + 1) * v) + (k == 5 ? 1e-5 * c : 0)).ToArray());
        }

        features.Add([0, 0, 0, 0, 0, 3]);
        features.Add([0, 0, 0, 0, 0.001, -3]);
        var result = FrameAnalyzerGoldenTests.Analyze(FrameInput.FromFeatures("collapsed", features)).Coherence;

        Assert.True(result.DuplicateClusterCount >= 2);
        Assert.Equal([40, 41, 42, 43, 44], result.DuplicateClusters[0].Members);
        var pair = Assert.Single(result.DuplicateClusters, c => c.Members.SequenceEqual([45, 46]));
        Assert.Equal(9 / (3 * Math.Sqrt(9.000001)), pair.MinLinkAbsCosine, 1e-12);
        Assert.Equal((3 + Math.Sqrt(9.000001)) / 2, pair.MeanNorm, 1e-12);
        Assert.True(result.DuplicateClusters[0].MinLinkAbsCosine >= 0.99);
        Assert.Equal(0.03 * Math.Sqrt(6.25), result.DuplicateClusters[0].MeanNorm, 1e-6);
        Assert.Equal(1.0, result.MaxCoherence!.Value, 1e-6);
    }

    [Fact]
    public void Exact_cosines_on_a_bin_edge_land_in_the_upper_bin()
    {
        // Triangle: |cos| = 1/2 for all three pairs, exactly on the edge between bins 24 and 25 of 50.
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Polygon(3)).Coherence;

        Assert.Equal(3, result.HistogramCounts[25]);
        Assert.Equal(0.5, result.HistogramEdges[25], 1e-15);
    }

    [Fact]
    public void Sample_is_seeded_sorted_and_without_repeats()
    {
        var a = PairwiseCoherence.Sample(1000, 100, seed: 5);
        var b = PairwiseCoherence.Sample(1000, 100, seed: 5);
        var c = PairwiseCoherence.Sample(1000, 100, seed: 6);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(100, a.Distinct().Count());
        Assert.Equal(a.Order(), a);
    }

    private static List<double> BruteForceCosines(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var list = new List<double>();
        for (var i = 0; i < input.FeatureCount; i++)
        {
            for (var j = i + 1; j < input.FeatureCount; j++)
            {
                double dot = 0, ni = 0, nj = 0;
                for (var k = 0; k < m; k++)
                {
                    var a = input.Weights[k + (i * m)];
                    var b = input.Weights[k + (j * m)];
                    dot += a * b;
                    ni += a * a;
                    nj += b * b;
                }

                list.Add(dot / Math.Sqrt(ni * nj));
            }
        }

        return list;
    }
}
