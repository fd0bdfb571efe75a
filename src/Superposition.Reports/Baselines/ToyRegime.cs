using Superposition.Spectral.Models;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Reads the regime of a trained toy model off its analysis, so the label comes from the same measurements as
/// everything else: which features are represented (‖w_i‖ ≥ 0.5, toy features are trained towards unit norm),
/// their dimensionalities, and the polytopes their localized clusters form.
/// </summary>
public static class ToyRegime
{
    public const double RepresentedNorm = 0.5;

    public static string Describe(LayerAnalysis toy)
    {
        var a = toy.Analysis;
        var norms = a.PerFeature?.Norm ?? throw Fail.Internal($"toy '{toy.Name}' analysed without per-feature measures");
        var d = a.PerFeature.Dimensionality;
        var represented = Enumerable.Range(0, norms.Count).Where(i => norms[i] >= RepresentedNorm).ToList();
        int m = toy.Hidden;
        if (represented.Count == 0) return "no feature represented";
        if (represented.Count <= m && represented.All(i => d[i] > 0.9))
        {
            return $"no superposition: {represented.Count} orthogonal features in {m} dimensions";
        }

        var templates = a.Polytopes.Clusters.Where(c => c.Template != "none").Select(c => c.Template).ToList();
        int inPolytopes = a.Polytopes.Clusters.Where(c => c.Template != "none").Sum(c => c.Members.Count);
        if (templates.Count > 0 && inPolytopes * 2 >= represented.Count)
        {
            var grouped = templates.GroupBy(t => t).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} × {g.Key}");
            return $"polytope superposition ({string.Join(", ", grouped)}): {represented.Count} features in {m} dimensions";
        }

        return $"superposition: {represented.Count} features in {m} dimensions, mixed dimensionalities (median D {represented.Select(i => d[i]).Order().ElementAt(represented.Count / 2):0.##})";
    }
}
