using Superposition.Reports.Audit;
using Superposition.Reports.Baselines;
using Superposition.Reports.Content;
using Superposition.Reports.Tests.Baselines;

namespace Superposition.Reports.Tests.Audit;

public sealed class FindingsTests
{
    private static string Text(Block block) => block switch
    {
        Callout c => string.Concat(c.Runs.Select(r => r.Text)),
        Paragraph p => string.Concat(p.Runs.Select(r => r.Text)),
        _ => "",
    };

    private static AuditInput Input(BaselineComparison? comparison, params Spectral.Pipeline.LayerAnalysis[] layers) =>
        new(new RunInfo("test", "superposition audit test.onnx", DateTimeOffset.UnixEpoch), TestFrames.Model(layers), comparison);

    [Fact]
    public void Strong_overcompleteness_starts_at_four_features_per_dimension()
    {
        var four = TestFrames.Layer("four", 16, 4, TestFrames.Gaussian(16, 4, 1));
        var under = TestFrames.Layer("under", 15, 4, TestFrames.Gaussian(15, 4, 2));
        var text = string.Join("\n", Findings.For(Input(null, four, under)).Select(Text));
        Assert.Equal(4.0, Findings.StrongOvercompleteness);
        Assert.Contains("1 layer(s) hold 4 or more features per dimension", text);
        Assert.Contains("four", text);
        Assert.DoesNotContain("`under`", text);
    }

    [Fact]
    public void Caveats_name_frames_overcomplete_by_construction_not_the_superposition_finding()
    {
        var depthwise = TestFrames.Layer("dw", 36, 4, TestFrames.Gaussian(36, 4, 3), byConstruction: true, notes: ["depthwise kernel: each filter reads one channel"]);
        var text = string.Join("\n", Findings.For(Input(null, depthwise)).Select(Text));
        Assert.Contains("No layer holds 4 or more features per dimension", text);
        Assert.Contains("dw: depthwise kernel", text);
    }

    [Fact]
    public void Toy_finding_counts_each_regime_with_its_distances()
    {
        var layer = TestFrames.Layer("a", 8, 4, TestFrames.Gaussian(8, 4, 4));
        var s = LayerSignature.From(layer);
        var nulls = new NullSignatures([s], [s]);
        var structured = new NullComparison(new NullDistance(0.9, 0.1), new NullDistance(0.8, 0.1), s);
        var flat = new NullComparison(new NullDistance(0.01, 0.1), new NullDistance(0.02, 0.1), s);
        BaselinePlacement At(double p, double d) => new(p, p / 2, p * 2, d, new ToyShape(8, 4), Interpretation.ClosenessOf(d), "superposition", 0.1);
        var placements = new List<LayerPlacement>
        {
            new("placed", 8, 4, s, LayerRegime.ToyRegime, At(0.1, 0.12), structured, nulls, null, null),
            new("far1", 8, 4, s, LayerRegime.UnlikeAnyToy, At(0.01, 0.9), structured, nulls, null, null),
            new("far2", 8, 4, s, LayerRegime.UnlikeAnyToy, At(0.01, 1.7), structured, nulls, null, null),
            new("flat", 8, 4, s, LayerRegime.Unstructured, At(0.3, 0.3), flat, nulls, null, null),
        };
        var comparison = new BaselineComparison("test", BaselineSettings.Default, new Dictionary<ToyShape, ToyTrajectory>(), placements);
        string text = Text(Findings.ToyFinding(comparison));
        Assert.Contains("1 of 4 layer(s) placed among toys of their shape: placed p ≈ 0.1 [0.05, 0.2] (d 0.12, close)", text);
        Assert.Contains("2 unlike any toy regime (distance to the nearest toy 0.9 to 1.7", text);
        Assert.Contains("1 not distinguishable from their null models: flat (d 0.01)", text);

        Assert.Equal("p ≈ 0.1 [0.05, 0.2], d 0.12 (close)", PlacementText.Cell(placements[0]));
        Assert.Equal("unlike any toy (d 0.9; nulls 0.8)", PlacementText.Cell(placements[1]));
        Assert.Equal("like its nulls (d 0.01)", PlacementText.Cell(placements[3]));
    }
}
