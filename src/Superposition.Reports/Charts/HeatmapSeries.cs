namespace Superposition.Reports.Charts;

/// <summary>
/// A matrix of values as coloured cells. Cell (r, c) is centred on x = c, y = r (it covers
/// [c − ½, c + ½] × [r − ½, r + ½]), so integer ticks label cells; set the Y axis Reversed to put row 0 at
/// the top. The axes end at the matrix edges. A colour bar is drawn right of the plot.
/// Matrices larger than <see cref="MaxCells"/> per side are averaged down in blocks (the chart notes it).
/// </summary>
/// <param name="Name">Colour bar label.</param>
/// <param name="Values">Rows of equal length. NaN cells are drawn grey.</param>
public sealed record HeatmapSeries(string? Name, IReadOnlyList<IReadOnlyList<double>> Values) : ChartSeries(Name)
{
    public ColorScale Scale { get; init; } = ColorScale.Viridis;

    /// <summary>Value at the low end of the colour scale; null: data minimum (diverging: −max |v|).</summary>
    public double? ValueMin { get; init; }

    /// <summary>Value at the high end of the colour scale; null: data maximum (diverging: max |v|).</summary>
    public double? ValueMax { get; init; }

    /// <summary>Largest number of cells drawn along either side (default 200).</summary>
    public int MaxCells { get; init; } = 200;
}
