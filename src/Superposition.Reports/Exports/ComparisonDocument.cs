using Superposition.Reports.Baselines;

namespace Superposition.Reports.Exports;

/// <summary>
/// What <c>compare --json</c> writes (and <c>audit --json</c> under "comparison"): one entry per layer with its placement
/// among layer-matched toys (<c>baseline</c>) and against its nulls (<c>null</c>), plus the toy trajectories used.
/// </summary>
public sealed record ComparisonDocument(ToolIdentity Tool, string Source, BaselineSettings Settings, IReadOnlyList<ComparisonLayer> Layers, IReadOnlyList<TrajectoryDocument> Trajectories)
{
    public static ComparisonDocument From(BaselineComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new ComparisonDocument(ToolIdentity.Current, comparison.Source, comparison.Settings,
            comparison.Placements.Select(ComparisonLayer.From).ToList(),
            comparison.Trajectories.Values.OrderBy(t => t.Shape.Features).ThenBy(t => t.Shape.Hidden).Select(TrajectoryDocument.From).ToList());
    }
}

/// <summary>One layer: its regime, its placement and its null comparison.</summary>
public sealed record ComparisonLayer(
    string Name,
    int Features,
    int Hidden,
    LayerRegime Regime,
    BaselineDocument? Baseline,
    NullDocument Null,
    LayerSignature Signature,
    string? Reason,
    string? Caveat)
{
    public static ComparisonLayer From(LayerPlacement p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ComparisonLayer(p.Layer, p.Features, p.Hidden, p.Regime,
            p.Baseline is { } b ? new BaselineDocument(b.FeatureProbability, [b.Low, b.High], b.Distance, b.Toy.Features, b.Toy.Hidden, b.Closeness, b.ToyRegime, b.RunSpread) : null,
            new NullDocument(p.Null.Distance, p.Null.Structured, p.Null.Shuffled, p.Null.Gaussian),
            p.Signature, p.Reason, p.Caveat);
    }
}

/// <summary>The placement: nearest feature probability, its interval [lo, hi], the distance, the toy shape n × m and the closeness band.</summary>
public sealed record BaselineDocument(double FeatureProbability, IReadOnlyList<double> Interval, double Distance, int N, int M, Closeness Closeness, string ToyRegime, double RunSpread);

/// <summary>Distance to the nearer null, whether the layer is structured, and each null's distance and seed-to-seed spread.</summary>
public sealed record NullDocument(double Distance, bool Structured, NullDistance Shuffled, NullDistance Gaussian);

/// <summary>The toys of one shape: per run, feature probability, final loss and signature.</summary>
public sealed record TrajectoryDocument(int N, int M, double RunSpread, IReadOnlyList<TrajectoryPoint> Points)
{
    public static TrajectoryDocument From(ToyTrajectory t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TrajectoryDocument(t.Shape.Features, t.Shape.Hidden, t.RunSpread, t.Runs.SelectMany(r => r).ToList());
    }
}
