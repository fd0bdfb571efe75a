using Superposition.Reports.Baselines;

namespace Superposition.Reports.Audit;

/// <summary>The sentences and table cells that say where a layer sits among its toys, built from <see cref="Interpretation"/>'s constants.</summary>
internal static class PlacementText
{
    private static string F(double? v) => AuditReportBuilder.F(v);

    /// <summary>"p ≈ 0.1 [0.056, 0.18]" with the interval.</summary>
    public static string Probability(BaselinePlacement b) => $"p ≈ {F(b.FeatureProbability)} [{F(b.Low)}, {F(b.High)}]";

    /// <summary>The summary table's placement cell.</summary>
    public static string Cell(LayerPlacement p) => p.Regime switch
    {
        LayerRegime.ToyRegime => $"{Probability(p.Baseline!)}, d {F(p.Baseline!.Distance)} ({Interpretation.Label(p.Baseline.Closeness)})",
        LayerRegime.UnlikeAnyToy => $"unlike any toy (d {F(p.Baseline!.Distance)}; nulls {F(p.Null.Distance)})",
        LayerRegime.Unstructured => $"like its nulls (d {F(p.Null.Distance)})",
        _ => "not placed",
    };

    /// <summary>The nulls, in one clause.</summary>
    public static string Nulls(LayerPlacement p) =>
        $"distance to the shuffled-entries null {F(p.Null.Shuffled.Distance)} (its seeds' spread {F(p.Null.Shuffled.Spread)}), to the Gaussian null {F(p.Null.Gaussian.Distance)} (spread {F(p.Null.Gaussian.Spread)})";

    /// <summary>The detail section's paragraph.</summary>
    public static string Sentence(LayerPlacement p)
    {
        string caveat = p.Caveat is null ? "" : $" Read with care: {p.Caveat}";
        string structured = p.Null.Structured ? "structured" : "**not** structured";
        if (p.Baseline is not { } b) return $"Toy placement: not placed ({p.Reason}). Against its nulls: {Nulls(p)}; {structured}.{caveat}";
        string toys = $"toys of {b.Toy} (the layer's n/m with m ≤ the cap), trained across feature probabilities 1 to 0.01";
        return p.Regime switch
        {
            LayerRegime.ToyRegime =>
                $"Placed among {toys}: nearest feature probability **{Probability(b)}**, distance {F(b.Distance)} (**{Interpretation.Label(b.Closeness)}**; {Interpretation.BandsSentence()}); the toy there: {b.ToyRegime}. Against its nulls: {Nulls(p)}; {structured}.{caveat}",
            LayerRegime.UnlikeAnyToy =>
                $"**Unlike any toy regime**: the nearest of the {toys} is at {Probability(b)} with distance {F(b.Distance)} (far; {Interpretation.BandsSentence()}), and the layer is also unlike its nulls: {Nulls(p)}.{caveat}",
            _ =>
                $"**Not distinguishable from its null models** ({Nulls(p)}; {Interpretation.StructuredSentence()}), so no toy regime is claimed; the nearest toy would be at {Probability(b)}, distance {F(b.Distance)}.{caveat}",
        };
    }
}
