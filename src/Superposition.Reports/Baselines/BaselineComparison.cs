namespace Superposition.Reports.Baselines;

/// <summary>A trained toy model analysed by the same code as real layers, with the regime it shows.</summary>
/// <param name="Name">File stem of the toy model.</param>
/// <param name="Regime">Plain-language regime read off its analysis (e.g. "polytope superposition (pentagon)").</param>
/// <param name="Setup">What was trained: preset, feature probability, seed (from its JSON description when present).</param>
/// <param name="Features">n.</param>
/// <param name="Hidden">m.</param>
/// <param name="Signature">Its comparison signature.</param>
/// <param name="Dimensionality">Its D_i values, for charts.</param>
public sealed record ToyBaseline(string Name, string Regime, string Setup, int Features, int Hidden, LayerSignature Signature, IReadOnlyList<double> Dimensionality);

/// <summary>How far a real layer is from one baseline.</summary>
public sealed record BaselineDistance(string Baseline, string Regime, double Distance);

/// <summary>A real layer's nearest toy baselines.</summary>
/// <param name="Layer">The real layer's name.</param>
/// <param name="Nearest">The closest baseline.</param>
/// <param name="Closeness">"close" (distance &lt; 0.15), "loose" (&lt; 0.4) or "far": how much the resemblance means.</param>
/// <param name="Signature">The real layer's own signature.</param>
/// <param name="Ranking">The three closest baselines, nearest first.</param>
public sealed record LayerMatch(string Layer, BaselineDistance Nearest, string Closeness, LayerSignature Signature, IReadOnlyList<BaselineDistance> Ranking);

/// <summary>Every real layer placed next to the toy baselines.</summary>
/// <param name="Source">The baselines folder.</param>
/// <param name="Baselines">The baselines, analysed.</param>
/// <param name="Matches">One per analysed real layer, in model order.</param>
public sealed record BaselineComparison(string Source, IReadOnlyList<ToyBaseline> Baselines, IReadOnlyList<LayerMatch> Matches)
{
    public LayerMatch? For(string layer) => Matches.FirstOrDefault(m => m.Layer == layer);
}
