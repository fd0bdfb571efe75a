using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Exports;

/// <summary>One CSV column: its header and the value it holds for an analysed, a skipped and a failed layer (empty when null).</summary>
public sealed record CsvColumn(string Name, Func<LayerAnalysis, object?> Analysed, Func<SkippedLayer, object?>? Skipped = null, Func<FailedLayer, object?>? Failed = null);

/// <summary>
/// The columns of <c>analyze --csv</c>, in order, each named once beside the quantity it holds (docs/methods.md names the
/// quantities). Scripts should read columns by header.
/// </summary>
public static class CsvColumns
{
    public static IReadOnlyList<CsvColumn> All { get; } =
    [
        new("name", l => l.Name, s => s.Name, f => f.Name),
        new("status", _ => "analysed", _ => "skipped", _ => "failed"),
        new("reason", _ => "", s => s.Reason, f => f.Reason),
        new("op", l => l.Op, s => s.Op, f => f.Op),
        new("layer", l => l.Layer, _ => "", _ => ""),
        new("shape", l => Shape(l.Shape), s => Shape(s.Shape), f => Shape(f.Shape)),
        new("dtype", l => l.Dtype, s => s.Dtype, f => f.Dtype),
        new("orientation", l => l.Orientation),
        new("features", l => l.Features),
        new("hidden", l => l.Hidden),
        new("rank", l => l.Analysis.Spectrum.Rank),
        new("lambdaMax", l => l.Analysis.Spectrum.LambdaMax),
        new("sumD", l => l.Analysis.Capacity.SumDimensionality),
        new("capacityRatio", l => l.Analysis.Capacity.CapacityRatio),
        new("dimsPerFeature", l => l.Analysis.Capacity.DimensionsPerFeature),
        new("localizedFraction", l => l.Analysis.Localization.OnEigenspaces.LocalizedFraction),
        new("tightness", l => l.Analysis.Geometry.Tightness),
        new("framePotential", l => l.Analysis.Geometry.FramePotential),
        new("maxCoherence", l => l.Analysis.Coherence.MaxCoherence),
        new("meanSquaredCoherence", l => l.Analysis.Coherence.MeanSquaredCoherence),
        new("welchBound", l => l.Analysis.Coherence.WelchBound),
        new("alpha", l => l.Analysis.HeavyTail.PowerLaw.Alpha),
        new("alphaSigma", l => l.Analysis.HeavyTail.PowerLaw.Sigma),
        new("alphaStatus", l => l.Analysis.HeavyTail.PowerLaw.Succeeded ? "ok" : "failed: " + l.Analysis.HeavyTail.PowerLaw.Reason),
        new("quality", l => l.Analysis.HeavyTail.Quality),
        new("stableRank", l => l.Analysis.HeavyTail.StableRank),
        new("mpSpikes", l => l.Analysis.HeavyTail.MarchenkoPastur.SpikeCount),
        new("identityResidual", l => l.Analysis.Capacity.IdentityResidual),
        new("seconds", l => l.Seconds),
    ];

    /// <summary>The index of a column by name (for scripts and tests).</summary>
    public static int IndexOf(string name) =>
        All.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == name, (null!, -1)).Item2 is int i and >= 0 ? i
            : throw Fail.InvalidArgument("csv column", name, "one of " + string.Join(", ", All.Select(c => c.Name)));

    private static string Shape(IReadOnlyList<long> shape) => string.Join('x', shape);
}
