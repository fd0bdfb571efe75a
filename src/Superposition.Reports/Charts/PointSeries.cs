namespace Superposition.Reports.Charts;

/// <summary>A polyline through (X[i], Y[i]); breaks where a point is skipped (NaN, ≤ 0 on a log axis).</summary>
public sealed record LineSeries(string? Name, IReadOnlyList<double> X, IReadOnlyList<double> Y) : ChartSeries(Name)
{
    /// <summary>Stroke width in points (default 1.2).</summary>
    public double Width { get; init; } = 1.2;

    public bool Dashed { get; init; }
}

/// <summary>Markers at (X[i], Y[i]).</summary>
public sealed record ScatterSeries(string? Name, IReadOnlyList<double> X, IReadOnlyList<double> Y) : ChartSeries(Name)
{
    /// <summary>Marker radius in points (default 1.8).</summary>
    public double MarkerRadius { get; init; } = 1.8;

    /// <summary>Filled discs (default) or open circles.</summary>
    public bool Filled { get; init; } = true;
}
