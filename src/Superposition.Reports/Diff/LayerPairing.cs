using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>
/// Pairs the analysed layers of two models: the same name first; then, among the rest, the same op, role
/// (orientation) and shape (n × m), in model order; whatever is left is unpaired.
/// </summary>
public static class LayerPairing
{
    public static (List<(LayerAnalysis A, LayerAnalysis B, string By)> Pairs, List<LayerAnalysis> OnlyA, List<LayerAnalysis> OnlyB) Pair(
        IReadOnlyList<LayerAnalysis> a, IReadOnlyList<LayerAnalysis> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byName = b.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var used = new HashSet<LayerAnalysis>(ReferenceEqualityComparer.Instance);
        var pairs = new List<(LayerAnalysis, LayerAnalysis, string)>();
        var onlyA = new List<LayerAnalysis>();
        foreach (var layer in a)
        {
            if (byName.TryGetValue(layer.Name, out var match) && used.Add(match)) pairs.Add((layer, match, "name"));
            else onlyA.Add(layer);
        }

        var stillA = new List<LayerAnalysis>();
        foreach (var layer in onlyA)
        {
            var match = b.FirstOrDefault(l => !used.Contains(l) && l.Op == layer.Op && l.Orientation == layer.Orientation && l.Features == layer.Features && l.Hidden == layer.Hidden);
            if (match is not null && used.Add(match)) pairs.Add((layer, match, "role and shape"));
            else stillA.Add(layer);
        }

        // Model order of A, whatever the pairing rule.
        var order = new Dictionary<LayerAnalysis, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < a.Count; i++) order[a[i]] = i;
        pairs.Sort((x, y) => order[x.Item1].CompareTo(order[y.Item1]));
        return (pairs, stillA, b.Where(l => !used.Contains(l)).ToList());
    }
}
