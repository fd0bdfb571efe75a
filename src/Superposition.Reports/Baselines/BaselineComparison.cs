namespace Superposition.Reports.Baselines;

/// <summary>Where a layer sits among the toys of its shape.</summary>
/// <param name="FeatureProbability">The nearest feature probability p = 1 − S.</param>
/// <param name="Low">Lower end of the interval of p within the toys' run-to-run spread of the best distance.</param>
/// <param name="High">Upper end.</param>
/// <param name="Distance">Signature distance to the toy trajectory at p.</param>
/// <param name="Toy">The toy shape (n, m) it was compared with.</param>
/// <param name="Closeness">Band of <paramref name="Distance"/> (<see cref="Interpretation"/>).</param>
/// <param name="ToyRegime">Plain-language regime of the trained toy nearest to p.</param>
/// <param name="RunSpread">Median distance between any two runs' toys at the same p: the toys' own noise.</param>
public sealed record BaselinePlacement(double FeatureProbability, double Low, double High, double Distance, ToyShape Toy, Closeness Closeness, string ToyRegime, double RunSpread);

/// <summary>A real layer placed among its layer-matched toys and against its null models.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Features">n.</param>
/// <param name="Hidden">m.</param>
/// <param name="Signature">The layer's own signature.</param>
/// <param name="Regime">What the comparison says.</param>
/// <param name="Baseline">The placement; null when no toy shape matches (see <paramref name="Reason"/>).</param>
/// <param name="Null">The layer against its shuffled and Gaussian nulls.</param>
/// <param name="Nulls">The nulls' signatures (for the phase diagram).</param>
/// <param name="Reason">Why the layer was not placed, when it was not.</param>
/// <param name="Caveat">The layer's first note when its frame is overcomplete by construction (depthwise kernel, 1-row classifier, fixed transform).</param>
public sealed record LayerPlacement(
    string Layer,
    int Features,
    int Hidden,
    LayerSignature Signature,
    LayerRegime Regime,
    BaselinePlacement? Baseline,
    NullComparison Null,
    NullSignatures Nulls,
    string? Reason,
    string? Caveat);

/// <summary>Every real layer placed among toy baselines.</summary>
/// <param name="Source">Where the baselines came from (shipped folder, cache folder).</param>
/// <param name="Settings">How the baselines were trained.</param>
/// <param name="Trajectories">The analysed toys, one trajectory per shape.</param>
/// <param name="Placements">One per analysed real layer, in model order.</param>
public sealed record BaselineComparison(string Source, BaselineSettings Settings, IReadOnlyDictionary<ToyShape, ToyTrajectory> Trajectories, IReadOnlyList<LayerPlacement> Placements)
{
    public LayerPlacement? For(string layer) => Placements.FirstOrDefault(m => m.Layer == layer);

    public ToyTrajectory? TrajectoryOf(LayerPlacement placement) =>
        placement?.Baseline is { } b && Trajectories.TryGetValue(b.Toy, out var t) ? t : null;

    public int Count(LayerRegime regime) => Placements.Count(p => p.Regime == regime);
}
