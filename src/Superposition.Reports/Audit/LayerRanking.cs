using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>Chooses the layers that get a detail section in a large model: the most informative first, shown in model order.</summary>
internal static class LayerRanking
{
    public static IReadOnlyList<LayerAnalysis> MostInformative(ModelAnalysis analysis, int count)
    {
        if (analysis.Layers.Count <= count) return analysis.Layers;
        var chosen = analysis.Layers.OrderByDescending(Score).ThenBy(l => l.Name, StringComparer.Ordinal).Take(Math.Max(0, count)).ToHashSet();
        return analysis.Layers.Where(chosen.Contains).ToList();
    }

    /// <summary>
    /// Overcompleteness counts most (superposition is what the report is about), discounted when it holds by
    /// construction; spectra outside the typical α band and collapsed features add; size breaks ties.
    /// </summary>
    public static double Score(LayerAnalysis layer)
    {
        var a = layer.Analysis;
        double score = Math.Log2(Math.Max(1.0, layer.Features / (double)layer.Hidden));
        if (layer.ByConstruction) score *= 0.25;
        if (QualityBands.Of(layer) is QualityBand.OverFit or QualityBand.UnderTrained) score += 1;
        if (a.Coherence.FeaturesInDuplicateClusters > 0) score += 1;
        if (a.Polytopes.ClusterCount > 0) score += 0.5;
        return score + (Math.Log10(Math.Max(1.0, (double)layer.Features * layer.Hidden)) / 10);
    }
}
