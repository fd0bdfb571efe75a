using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>The heatmap data: binned measures of sampled features, sorted by dominant eigenspace.</summary>
public sealed class MeasureMapTests
{
    [Fact]
    public void No_map_unless_asked_for()
    {
        Assert.Null(FrameAnalyzer.Analyze(TestFrames.Polygon(5), AnalysisOptions.Default, Backends.Default).MeasureMap);
    }

    [Fact]
    public void Tight_frame_puts_every_feature_in_one_bin()
    {
        // The pentagon is tight: F = 2.5 I, so each feature's whole measure sits in the single eigenvalue's bin.
        var options = AnalysisOptions.Default with { MeasureMapFeatures = 200 };
        var map = FrameAnalyzer.Analyze(TestFrames.Polygon(5), options, Backends.Default).MeasureMap!;
        Assert.False(map.Sampled);
        Assert.Equal(5, map.Rows.Count);
        Assert.All(map.Rows, row =>
        {
            Assert.Equal(60, row.Count);
            Assert.Equal(1.0, row.Sum(), 1e-12);
            Assert.Equal(1.0, row.Max(), 1e-12);
        });
    }

    [Fact]
    public void Rows_follow_dominant_eigenspace_and_sum_to_one_on_a_full_rank_frame()
    {
        // Features e1 (×3), e2 (×2), e1+e2 (×1) in R^2: F = [[10, 1], [1, 5]] has distinct eigenvalues, full rank.
        var input = FrameInput.FromFeatures("mixed", [[3.0, 0.0], [0.0, 2.0], [1.0, 1.0]]);
        var analysis = FrameAnalyzer.Analyze(input, AnalysisOptions.Default with { MeasureMapFeatures = 10 }, Backends.Default);
        var map = analysis.MeasureMap!;
        Assert.Equal(3, map.Rows.Count);
        Assert.Equal(map.DominantEigenspace.Order(), map.DominantEigenspace);
        Assert.Equal(0, map.FeatureIndex[0]); // e1 leans on the top eigenvector (eigenvalue 10.19...)
        Assert.All(map.Rows, row => Assert.Equal(1.0, row.Sum(), 1e-12));
    }

    [Fact]
    public void Large_frames_are_sampled_evenly_and_deterministically()
    {
        var random = new Random(11);
        var features = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble() - 0.5).ToArray()).ToList();
        var options = AnalysisOptions.Default with { MeasureMapFeatures = 50 };
        var a = FrameAnalyzer.Analyze(FrameInput.FromFeatures("r", features), options, Backends.Default).MeasureMap!;
        var b = FrameAnalyzer.Analyze(FrameInput.FromFeatures("r", features), options, Backends.Default).MeasureMap!;
        Assert.True(a.Sampled);
        Assert.Equal(50, a.Rows.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(j => j * 10), a.FeatureIndex.Order());
        Assert.Equal(a.FeatureIndex, b.FeatureIndex);
    }
}
