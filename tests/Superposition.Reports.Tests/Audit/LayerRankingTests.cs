using Superposition.Reports.Audit;
using Superposition.Reports.Tests.Baselines;

namespace Superposition.Reports.Tests.Audit;

public sealed class LayerRankingTests
{
    [Fact]
    public void Overcompleteness_ranks_first_and_by_construction_frames_are_discounted()
    {
        var wide = TestFrames.Layer("wide", 40, 4, TestFrames.Gaussian(40, 4, 1));         // n/m = 10
        var square = TestFrames.Layer("square", 16, 16, TestFrames.Gaussian(16, 16, 2));   // n/m = 1
        // The same weights as "wide": every bonus is the same, only the by-construction discount differs.
        var depthwise = TestFrames.Layer("depthwise", 40, 4, TestFrames.Gaussian(40, 4, 1), byConstruction: true);
        double bonus = LayerRanking.Score(wide) - Math.Log2(10) - (Math.Log10(160) / 10);
        Assert.Contains(Math.Round(bonus, 9), new[] { 0, 0.5, 1, 1.5, 2, 2.5 }); // whole bonuses of 1 and 0.5 only
        Assert.Equal(0.75 * Math.Log2(10), LayerRanking.Score(wide) - LayerRanking.Score(depthwise), 12);

        var model = TestFrames.Model(square, depthwise, wide);
        Assert.Equal(["wide"], LayerRanking.MostInformative(model, 1).Select(l => l.Name));
        // Two chosen: shown in model order, not in score order.
        Assert.Equal(["depthwise", "wide"], LayerRanking.MostInformative(model, 2).Select(l => l.Name));
        Assert.Equal(3, LayerRanking.MostInformative(model, 3).Count);
    }
}
