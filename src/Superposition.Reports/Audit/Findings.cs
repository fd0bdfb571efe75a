using Superposition.Reports.Content;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>
/// Plain-language findings read off the measurements with fixed, stated rules, so two audits of the same model
/// say the same things. Each finding names the layers and the numbers behind it.
/// </summary>
internal static class Findings
{
    /// <summary>Features per dimension from which a layer counts as strongly overcomplete.</summary>
    public const double StrongOvercompleteness = 4.0;

    /// <summary>Below this spectrum distance to the shuffled-weights null a spectrum looks random.</summary>
    public const double RandomSpectrumDistance = 0.05;

    public static IEnumerable<Block> For(AuditInput input)
    {
        var layers = input.Analysis.Layers;
        var blocks = new List<Block>();
        if (layers.Count == 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Warning, "No weight matrix could be analysed; the reasons are listed below."));
            return blocks;
        }

        var byConstruction = layers.Where(l => l.ByConstruction).ToList();
        // Frames overcomplete by construction (one hidden dimension, depthwise kernels, fixed transforms) trivially
        // have collinear features and degenerate spectra: they are named under caveats, not as findings.
        var learned = layers.Except(byConstruction).ToList();
        var strong = learned.Where(IsStronglyOvercomplete).OrderByDescending(Ratio).ToList();
        blocks.Add(strong.Count == 0
            ? Callout.FromMarkup(CalloutKind.Finding, $"No layer holds {StrongOvercompleteness:0} or more features per dimension (apart from frames overcomplete by construction).", "Superposition")
            : Callout.FromMarkup(CalloutKind.Finding,
                $"**{strong.Count}** layer(s) hold {StrongOvercompleteness:0} or more features per dimension, the regime where superposition matters: "
                + List(strong, l => $"`{AuditReportBuilder.LayerLabel(l, input)}` ({l.Features} × {l.Hidden}, ΣD/m = {AuditReportBuilder.F(l.Analysis.Capacity.CapacityRatio)}, {l.Analysis.Localization.OnEigenspaces.LocalizedFraction:P0} localized)") + ".",
                "Superposition"));

        var polytopes = learned.Where(HasPolytopes).ToList();
        if (polytopes.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Finding, "Localized features form regular configurations in " + List(polytopes, l =>
                $"`{AuditReportBuilder.LayerLabel(l, input)}` ({string.Join(", ", l.Analysis.Polytopes.Clusters.Where(IsScheme).Select(c => c.Template).Distinct().Take(4))})") + ".", "Geometry"));
        }

        var collapsed = learned.Where(HasDuplicates).OrderByDescending(l => l.Analysis.Coherence.FeaturesInDuplicateClusters).ToList();
        if (collapsed.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Warning, "Near-duplicate features (|cos| ≥ " + collapsed[0].Analysis.Coherence.DuplicateThreshold.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
                + ") appear in " + List(collapsed, l => $"`{AuditReportBuilder.LayerLabel(l, input)}` ({l.Analysis.Coherence.FeaturesInDuplicateClusters} features in {l.Analysis.Coherence.DuplicateClusterCount} cluster(s), largest {l.Analysis.Coherence.DuplicateClusters.FirstOrDefault()?.Members.Count ?? 0}, mean norm {AuditReportBuilder.F(l.Analysis.Coherence.DuplicateClusters.FirstOrDefault()?.MeanNorm)})")
                + ". Collapsed features (for example output classes never seen in training) make the maximum coherence 1; the clusters say how many.", "Collapsed features"));
        }

        var overfit = learned.Where(l => QualityBands.Of(l) == QualityBand.OverFit).ToList();
        var undertrained = learned.Where(l => QualityBands.Of(l) == QualityBand.UnderTrained).ToList();
        var random = learned.Where(LooksRandom).ToList();
        if (overfit.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Warning, $"Power-law exponent α below {AuditReportBuilder.F(input.Analysis.Options.Analysis.HeavyTail.OverfitAlpha)} (WeightWatcher's over-fit band) in " + List(overfit, Alpha) + ". Small layers give noisy fits; read σ_α in the detail sections.", "Heavy-tailed spectra"));
        }

        if (undertrained.Count > 0 || random.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Warning, "Spectra that look random or under-trained: "
                + List(undertrained.Union(random), l => $"`{AuditReportBuilder.LayerLabel(l, input)}` (α {AuditReportBuilder.F(l.Analysis.HeavyTail.PowerLaw.Alpha)}, distance to shuffled weights {AuditReportBuilder.F(l.Analysis.HeavyTail.Shuffle?.SpectrumDistance)})") + ".", "Heavy-tailed spectra"));
        }

        if (overfit.Count + undertrained.Count + random.Count == 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Finding, $"Every fitted weight spectrum lies in the typical α band ({AuditReportBuilder.F(input.Analysis.Options.Analysis.HeavyTail.OverfitAlpha)} to {AuditReportBuilder.F(input.Analysis.Options.Analysis.HeavyTail.UndertrainedAlpha)}) and differs from its shuffled-weights null.", "Heavy-tailed spectra"));
        }

        if (byConstruction.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Note, "Read with care: " + List(byConstruction, l => $"`{AuditReportBuilder.LayerLabel(l, input)}`: {l.Notes[0]}") + ".", "Caveats"));
        }

        var shaky = layers.Where(IsIllConditioned).ToList();
        if (shaky.Count > 0)
        {
            blocks.Add(Callout.FromMarkup(CalloutKind.Warning, "The capacity identity m − ΣD = (m − r) + Σ(ℓ − D) holds only to " + List(shaky, l => $"`{AuditReportBuilder.LayerLabel(l, input)}` ({AuditReportBuilder.F(l.Analysis.Capacity.IdentityResidual)})") + "; these layers are ill-conditioned and their leverages are less accurate.", "Numerical self-check"));
        }

        if (input.Comparison is { } comparison) blocks.Add(ToyFinding(comparison));

        return blocks;
    }

    /// <summary>How many layers were placed among toys, how many are unlike any toy regime or like their nulls, with distances.</summary>
    internal static Callout ToyFinding(Baselines.BaselineComparison comparison)
    {
        var placed = comparison.Placements.Where(p => p.Regime == Baselines.LayerRegime.ToyRegime).OrderBy(p => p.Baseline!.Distance).ToList();
        var unlike = comparison.Placements.Where(p => p.Regime == Baselines.LayerRegime.UnlikeAnyToy).OrderBy(p => p.Baseline!.Distance).ToList();
        var unstructured = comparison.Placements.Where(p => p.Regime == Baselines.LayerRegime.Unstructured).ToList();
        var notPlaced = comparison.Placements.Where(p => p.Regime == Baselines.LayerRegime.NotPlaced).ToList();
        string F(double? v) => AuditReportBuilder.F(v);
        var parts = new List<string>
        {
            $"**{placed.Count}** of {comparison.Placements.Count} layer(s) placed among toys of their shape"
                + (placed.Count == 0 ? "" : ": " + string.Join("; ", placed.Take(6).Select(p => $"`{p.Layer}` {PlacementText.Probability(p.Baseline!)} (d {F(p.Baseline!.Distance)}, {Baselines.Interpretation.Label(p.Baseline.Closeness)})")) + (placed.Count > 6 ? $"; and {placed.Count - 6} more" : "")),
        };
        if (unlike.Count > 0)
        {
            parts.Add($"**{unlike.Count}** unlike any toy regime (distance to the nearest toy {F(unlike[0].Baseline!.Distance)} to {F(unlike[^1].Baseline!.Distance)}, median {F(Spectral.Measures.Summary.Of([.. unlike.Select(u => u.Baseline!.Distance)]).Median)}; {Baselines.Interpretation.BandsSentence()})");
        }

        if (unstructured.Count > 0)
        {
            parts.Add($"**{unstructured.Count}** not distinguishable from their null models: " + string.Join(", ", unstructured.Take(6).Select(p => $"`{p.Layer}` (d {F(p.Null.Distance)})")) + (unstructured.Count > 6 ? $" and {unstructured.Count - 6} more" : ""));
        }

        if (notPlaced.Count > 0) parts.Add($"**{notPlaced.Count}** not placed ({notPlaced[0].Reason})");
        return Callout.FromMarkup(CalloutKind.Finding, string.Join(". ", parts) + ".", "Toy baselines");
    }

    /// <summary>
    /// Short names of the findings and caveats above that name <paramref name="layer"/>, by the same rules, for the
    /// summary table's findings column; "none" when no rule names it.
    /// </summary>
    public static IReadOnlyList<string> TagsFor(LayerAnalysis layer, AuditInput input)
    {
        var tags = new List<string>();
        if (layer.ByConstruction)
        {
            tags.Add("by construction");
        }
        else
        {
            if (IsStronglyOvercomplete(layer)) tags.Add("superposition");
            if (HasPolytopes(layer)) tags.Add("polytopes");
            if (HasDuplicates(layer)) tags.Add("near-duplicates");
            if (QualityBands.Of(layer) is QualityBand.OverFit or QualityBand.UnderTrained) tags.Add("α " + layer.Analysis.HeavyTail.Quality);
            if (LooksRandom(layer)) tags.Add("random-like spectrum");
        }

        if (IsIllConditioned(layer)) tags.Add("ill-conditioned");
        if (input.Comparison?.For(layer.Name) is { Regime: Baselines.LayerRegime.ToyRegime, Baseline.Closeness: Baselines.Closeness.Close }) tags.Add("close to a toy");
        if (input.Comparison?.For(layer.Name) is { Regime: Baselines.LayerRegime.Unstructured }) tags.Add("like its nulls");
        return tags.Count == 0 ? ["none"] : tags;
    }

    private static bool IsStronglyOvercomplete(LayerAnalysis l) => Ratio(l) >= StrongOvercompleteness;

    private static bool HasPolytopes(LayerAnalysis l) => l.Analysis.Polytopes.Clusters.Any(IsScheme);

    private static bool HasDuplicates(LayerAnalysis l) => l.Analysis.Coherence.FeaturesInDuplicateClusters > 0;

    private static bool LooksRandom(LayerAnalysis l) => l.Analysis.HeavyTail.Shuffle is { } s && s.SpectrumDistance < RandomSpectrumDistance;

    private static bool IsIllConditioned(LayerAnalysis l) => l.Analysis.Capacity.IdentityResidual > 1e-8 * Math.Max(1, l.Hidden);

    private static double Ratio(LayerAnalysis layer) => layer.Features / (double)layer.Hidden;

    private static string Alpha(LayerAnalysis l) =>
        $"`{l.Name}` (α = {AuditReportBuilder.F(l.Analysis.HeavyTail.PowerLaw.Alpha)} ± {AuditReportBuilder.F(l.Analysis.HeavyTail.PowerLaw.Sigma)})";

    private static string List(IEnumerable<LayerAnalysis> layers, Func<LayerAnalysis, string> describe)
    {
        var all = layers.ToList();
        var shown = all.Take(6).Select(describe).ToList();
        return string.Join(", ", shown) + (all.Count > 6 ? $" and {all.Count - 6} more" : "");
    }

    /// <summary>A cluster named a regular configuration: its cosines matched a template and its association-scheme test passed.</summary>
    private static bool IsScheme(Spectral.Measures.PolytopeCluster c) => c.Template != "none" && c.Scheme?.Passed == true;
}
