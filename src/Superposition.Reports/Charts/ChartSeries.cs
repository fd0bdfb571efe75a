namespace Superposition.Reports.Charts;

/// <summary>Something drawn in the plot area. <see cref="Name"/> (if set) appears in the legend.</summary>
public abstract record ChartSeries(string? Name)
{
    /// <summary>Colour; null takes the next colour of <see cref="ChartColor.Palette"/>.</summary>
    public ChartColor? Color { get; init; }
}
