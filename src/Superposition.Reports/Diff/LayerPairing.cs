using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>
/// Pairs the analysed layers of two models: the same name first; then, among the rest and always with the same shape
/// (n × m), the same name once a quantizer's suffix is removed (<see cref="BaseName"/>: ONNX Runtime's quantizers rename
/// a weight "927" to "927_quantized" or "927_Q4"); then the same consuming node (suffix removed likewise); then the
/// same op and role (orientation), in model order; whatever is left is unpaired.
/// </summary>
public static class LayerPairing
{
    /// <summary>The suffixes quantizers append to weight and node names, removed by <see cref="BaseName"/>.</summary>
    private static readonly string[] QuantizerSuffixes = ["_quantized", "_Q2", "_Q3", "_Q4", "_Q5", "_Q6", "_Q7", "_Q8"];

    /// <summary>A tensor or node name without a quantizer's suffix ("927_quantized" and "927_Q4" become "927").</summary>
    public static string BaseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (string suffix in QuantizerSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length];
        }

        return name;
    }

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

        static bool SameShape(LayerAnalysis x, LayerAnalysis y) => x.Features == y.Features && x.Hidden == y.Hidden;
        var rules = new (string By, Func<LayerAnalysis, LayerAnalysis, bool> Matches)[]
        {
            ("name without quantizer suffix", (x, y) => SameShape(x, y) && BaseName(x.Name) == BaseName(y.Name)),
            ("consuming node", (x, y) => SameShape(x, y) && BaseName(x.Layer) == BaseName(y.Layer)),
            ("role and shape", (x, y) => SameShape(x, y) && x.Op == y.Op && x.Orientation == y.Orientation),
        };
        var stillA = onlyA;
        foreach (var (by, matches) in rules)
        {
            var next = new List<LayerAnalysis>();
            foreach (var layer in stillA)
            {
                var match = b.FirstOrDefault(l => !used.Contains(l) && matches(layer, l));
                if (match is not null && used.Add(match)) pairs.Add((layer, match, by));
                else next.Add(layer);
            }

            stillA = next;
        }

        // Model order of A, whatever the pairing rule.
        var order = new Dictionary<LayerAnalysis, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < a.Count; i++) order[a[i]] = i;
        pairs.Sort((x, y) => order[x.Item1].CompareTo(order[y.Item1]));
        return (pairs, stillA, b.Where(l => !used.Contains(l)).ToList());
    }
}
