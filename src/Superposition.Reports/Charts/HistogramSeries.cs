namespace Superposition.Reports.Charts;

/// <summary>
/// Bars over bins: bin i spans [Edges[i], Edges[i+1]] with height Heights[i], so Edges has one more
/// element than Heights. Works on log axes (bars start at the bottom of the axis).
/// </summary>
public sealed record HistogramSeries(string? Name, IReadOnlyList<double> Edges, IReadOnlyList<double> Heights)
    : ChartSeries(Name)
{
    /// <summary>Filled bars (default) or a step outline.</summary>
    public HistogramStyle Style { get; init; } = HistogramStyle.Bars;
}

/// <summary>How a histogram is drawn.</summary>
public enum HistogramStyle
{
    Bars,
    Step,
}
