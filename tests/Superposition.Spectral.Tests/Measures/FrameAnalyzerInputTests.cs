using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

public sealed class FrameAnalyzerInputTests
{
    [Fact]
    public void Input_weights_are_not_modified()
    {
        var input = TestFrames.WithDeadFeatures(TestFrames.Random(5, 12, seed: 1), 3);
        var copy = (double[])input.Weights.Clone();

        FrameAnalyzerGoldenTests.Analyze(input);

        Assert.Equal(copy, input.Weights);
    }

    [Fact]
    public void Same_input_gives_the_same_result()
    {
        var input = TestFrames.Random(7, 50, seed: 8);
        var options = new AnalysisOptions { PerFeature = true, Coherence = new CoherenceOptions { ExactFeatureLimit = 10, SampleSize = 20 } };

        Metrics.AssertClose(FrameAnalyzerGoldenTests.Analyze(input, options), FrameAnalyzerGoldenTests.Analyze(input, options), 0);
    }

    [Fact]
    public void Per_feature_arrays_are_only_included_on_request()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(4, 9, seed: 1), new AnalysisOptions());

        Assert.Null(result.PerFeature);
    }

    [Fact]
    public void Small_feature_blocks_give_the_same_measures_as_one_block()
    {
        var input = TestFrames.LowRank(9, 70, 5, seed: 5);
        var oneBlock = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { PerFeature = true });
        var blocks = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { PerFeature = true, FeatureBlockSize = 8 });

        Metrics.AssertClose(oneBlock, blocks, 1e-13);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void Empty_dimensions_are_rejected(int m, int n)
    {
        var error = Assert.Throws<SuperpositionException>(() => FrameAnalyzerGoldenTests.Analyze(new FrameInput("x", m, n, [])));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void Wrong_length_and_non_finite_weights_are_rejected()
    {
        var shortInput = new FrameInput("x", 2, 3, new double[5]);
        var nanInput = new FrameInput("x", 2, 2, [1, 0, double.NaN, 1]);

        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => FrameAnalyzerGoldenTests.Analyze(shortInput)).Kind);
        // A NaN weight is bad model data, not a bad argument (exit code 3, not 2).
        var nan = Assert.Throws<SuperpositionException>(() => FrameAnalyzerGoldenTests.Analyze(nanInput));
        Assert.Equal(ErrorKind.InvalidModel, nan.Kind);
        Assert.Contains("weight 2 is NaN", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_rejected_before_any_work()
    {
        var input = TestFrames.Random(3, 5, seed: 1);
        AnalysisOptions[] bad =
        [
            new() { EigenspaceTolerance = 0 },
            new() { LocalizedThreshold = 1.5 },
            new() { SpectralBins = 0 },
            new() { Coherence = new CoherenceOptions { DuplicateThreshold = 0 } },
            new() { HeavyTail = new HeavyTailOptions { MinTailSize = 1 } },
            new() { Polytopes = new PolytopeOptions { CosineTolerance = double.NaN } },
        ];

        foreach (var options in bad)
        {
            Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => FrameAnalyzerGoldenTests.Analyze(input, options)).Kind);
        }
    }
}
