using Superposition.Reports.Baselines;

namespace Superposition.Reports.Tests.Baselines;

public sealed class NullModelsTests
{
    [Theory]
    [InlineData(12, 3)]
    [InlineData(50, 8)]
    public void Shuffle_keeps_every_entry_and_moves_them(int n, int m)
    {
        var w = TestFrames.Gaussian(n, m, 3);
        var shuffled = NullModels.Shuffled(w, 11);
        Assert.Equal(w.Order(), shuffled.Order());
        Assert.NotEqual(w, shuffled);
        Assert.Equal(shuffled, NullModels.Shuffled(w, 11)); // seeded
        Assert.NotEqual(shuffled, NullModels.Shuffled(w, 12));
    }

    [Theory]
    [InlineData(12, 3)]
    [InlineData(50, 8)]
    public void Gaussian_null_has_the_same_frobenius_norm(int n, int m)
    {
        var w = TestFrames.Polygon(n).Take(n * 2).Select(x => x * 3.5).ToArray();
        var g = NullModels.Gaussian(w, 5);
        Assert.Equal(w.Sum(x => x * x), g.Sum(x => x * x), 9);
        Assert.Equal(g, NullModels.Gaussian(w, 5));
        _ = m;
    }

    [Fact]
    public void Gaussian_frame_is_not_structured_and_a_polygon_is()
    {
        // A Gaussian frame is one more draw of its own Gaussian null: it must not be called structured.
        var gauss = TestFrames.Gaussian(40, 4, 99);
        var gaussSignature = LayerSignature.From(TestFrames.Analyze("g", 40, 4, gauss));
        var gaussNulls = NullModels.Analyze(new Spectral.Measures.FrameInput("g", 4, 40, gauss), TestFrames.Options, TestFrames.Backend);
        Assert.False(NullComparison.Of(gaussSignature, gaussNulls).Structured);

        // A regular 9-gon is tight with D·n/m = 1 for every feature; its shuffled and Gaussian nulls are not.
        var polygon = TestFrames.Polygon(9);
        var polygonNulls = NullModels.Analyze(new Spectral.Measures.FrameInput("p", 2, 9, polygon), TestFrames.Options, TestFrames.Backend);
        var comparison = NullComparison.Of(LayerSignature.From(TestFrames.Analyze("p", 9, 2, polygon)), polygonNulls);
        Assert.Equal(NullModels.SmallFrameSeeds, polygonNulls.Shuffled.Count);
        Assert.True(comparison.Gaussian.Distance > comparison.Gaussian.Spread, $"distance {comparison.Gaussian.Distance}, spread {comparison.Gaussian.Spread}");
    }
}
