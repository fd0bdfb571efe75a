namespace Superposition.Reports.Charts;

/// <summary>
/// A 2-D chart: axes, data series, reference lines, optional heatmap with colour bar, and a legend.
/// Renderer-independent: <see cref="ChartLayout"/> turns it into vector primitives.
/// </summary>
/// <param name="Title">Drawn above the plot; null for none.</param>
/// <param name="XAxis">Horizontal axis.</param>
/// <param name="YAxis">Vertical axis.</param>
/// <param name="Series">Drawn in order (later on top).</param>
public sealed record Chart(string? Title, Axis XAxis, Axis YAxis, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Where the legend goes (default inside, top right). Only named series get an entry.</summary>
    public LegendPosition Legend { get; init; } = LegendPosition.TopRight;
}

/// <summary>
/// An axis. Range is automatic (from the data, widened to nice ticks) unless Min/Max are given.
/// </summary>
/// <param name="Label">Axis title, e.g. "eigenvalue λ"; null for none.</param>
/// <param name="Scale">Linear (default) or base-10 logarithmic. Values ≤ 0 are skipped on a log axis
/// and the chart notes how many.</param>
/// <param name="Min">Fixed lower end, or null for automatic.</param>
/// <param name="Max">Fixed upper end, or null for automatic.</param>
/// <param name="Reversed">Draw the axis from high to low (e.g. matrix rows top-down for heatmaps).</param>
public sealed record Axis(
    string? Label = null,
    AxisScale Scale = AxisScale.Linear,
    double? Min = null,
    double? Max = null,
    bool Reversed = false);

/// <summary>How values map to positions along an axis.</summary>
public enum AxisScale
{
    Linear,
    Log10,
}

/// <summary>Legend placement.</summary>
public enum LegendPosition
{
    None,
    TopRight,
    TopLeft,
    BottomRight,
    BottomLeft,

    /// <summary>To the right of the plot area; the plot gets narrower instead of being covered.</summary>
    Outside,
}
