namespace Superposition.Reports.Charts;

/// <summary>
/// A horizontal (y = Value) or vertical (x = Value) line across the plot with a label next to it, e.g.
/// the tight-frame level, the Welch bound, the Marchenko–Pastur edge. The label is drawn at the line,
/// not in the legend.
/// </summary>
public sealed record ReferenceLine(string? Name, ReferenceOrientation Orientation, double Value) : ChartSeries(Name)
{
    /// <summary>Dashed (default) or solid.</summary>
    public bool Dashed { get; init; } = true;
}

/// <summary>Direction of a reference line.</summary>
public enum ReferenceOrientation
{
    Horizontal,
    Vertical,
}
