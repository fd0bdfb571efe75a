using Superposition.Spectral.Models;

namespace Superposition.Reports.Baselines;

/// <summary>Places each analysed real layer next to the toy baselines by signature distance.</summary>
public static class BaselineComparer
{
    public const double CloseDistance = 0.15;
    public const double LooseDistance = 0.4;

    public static BaselineComparison Compare(ModelAnalysis real, IReadOnlyList<ToyBaseline> baselines, string source)
    {
        if (baselines.Count == 0) throw Fail.InvalidArgument("--baselines", source, "a folder holding at least one toy model (.onnx)");
        var matches = new List<LayerMatch>();
        foreach (var layer in real.Layers)
        {
            var signature = LayerSignature.From(layer);
            var ranking = baselines
                .Select(b => new BaselineDistance(b.Name, b.Regime, signature.DistanceTo(b.Signature)))
                .OrderBy(d => d.Distance).ThenBy(d => d.Baseline, StringComparer.Ordinal)
                .Take(3).ToList();
            string closeness = ranking[0].Distance < CloseDistance ? "close" : ranking[0].Distance < LooseDistance ? "loose" : "far";
            matches.Add(new LayerMatch(layer.Name, ranking[0], closeness, signature, ranking));
        }

        return new BaselineComparison(source, baselines, matches);
    }
}
