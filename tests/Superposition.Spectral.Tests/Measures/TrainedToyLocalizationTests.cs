using Superposition.Spectral.Measures;
using Superposition.Training.Tms;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>
/// A toy model trained as the notebook trains it (5 features, 2 dims, feature probability 0.05, best of 4 seeds) is a
/// pentagon only approximately: at the default settings the gap grouping still finds every feature localized in one
/// eigenspace (the old fixed tolerance does not). Its distinct cosines scatter by about 0.02 around cos 72° and
/// cos 144° (weight decay 0.01 leaves the pentagon slightly irregular), so it is named through the scheme test at the
/// cosine tolerance the documentation gives for trained frames, 0.05 (MATH.md sections 3 and 7).
/// </summary>
public sealed class TrainedToyLocalizationTests
{
    [Fact]
    public void Trained_sparse_five_two_toy_is_localized_and_named_a_pentagon_at_default_settings()
    {
        // The same run as the CLI's pentagon test (p = 1 and 0.05, best of 4 seeds, seed 0). Local minima are real
        // (MATH.md section 7): under the notebook's settings seed 1's best of 4 at p = 0.05 is not a pentagon.
        var run = TmsTrainer.Train(TmsPresets.FiveTwo() with { FeatureProbabilities = [1, 0.05], SeedsPerInstance = 4, Seed = 0 });
        var toy = run.Instances[1];
        var features = Enumerable.Range(0, 5).Select(i => new[] { (double)toy.At(0, i), toy.At(1, i) }).ToArray();

        var input = FrameInput.FromFeatures("trained 5-2", features);
        var result = FrameAnalyzerGoldenTests.Analyze(input);
        var named = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Polytopes = new PolytopeOptions { CosineTolerance = 0.05 } });

        Assert.True(result.Geometry.Tightness > 0, "a trained frame is never exactly tight");
        Assert.True(result.Localization.OnEigenspaces.LocalizedFraction == 1.0,
            $"eigenvalues {string.Join(", ", result.Spectrum.Eigenvalues)}; q {string.Join(", ", result.PerFeature!.Q)}; norms {string.Join(", ", result.PerFeature.Norm)}; {result.Grouping!.Description}");
        Assert.Equal(5, Assert.Single(result.Polytopes.Clusters).Members.Count);
        var cluster = Assert.Single(named.Polytopes.Clusters);
        Assert.Equal("pentagon", cluster.CosineMatch);
        Assert.True(cluster.Scheme!.Passed, cluster.Scheme.Reason);
        Assert.Equal("pentagon", cluster.Template);
        // The old fixed tolerance splits the pentagon's eigenspace: the sensitivity table says so.
        var old = Assert.Single(result.GroupingSensitivity!, r => r.Grouping == "fixed" && r.Tolerance == 1e-4);
        Assert.True(old.LocalizedShare < 1.0, $"localized share {old.LocalizedShare} at the fixed 1e-4 tolerance");
    }
}
