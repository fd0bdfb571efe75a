namespace Superposition.Reports.Charts;

/// <summary>
/// What an interactive renderer needs to tell the value under the pointer: the drawn data points, histogram bars
/// and heatmap cells, in drawing coordinates, with their values already formatted like the report's numbers.
/// Filled by <see cref="ChartLayout"/> as it draws, so the positions are exactly those on the page.
/// </summary>
internal sealed class ChartTips
{
    /// <summary>At most this many point targets per chart; a denser curve keeps every k-th (the page cannot show more).</summary>
    public const int MaxPoints = 3000;

    /// <summary>Significant digits of the values in tooltips (one more than the tables, so neighbours differ).</summary>
    public const int Digits = 4;

    public string XLabel { get; set; } = "x";

    public string YLabel { get; set; } = "y";

    /// <summary>The plot rectangle (x, y, width, height): bars answer only inside it.</summary>
    public (double X, double Y, double Width, double Height) Plot { get; set; }

    /// <summary>Series names in drawing order, indexed by the targets' Series field.</summary>
    public List<string> Series { get; } = [];

    public List<PointTip> Points { get; } = [];

    public List<BarTip> Bars { get; } = [];

    public HeatTip? Heat { get; set; }

    public bool IsEmpty => Points.Count == 0 && Bars.Count == 0 && Heat is null;

    public static string Format(double value) => NumberFormat.Compact(value, Digits);
}

/// <summary>A marker or line vertex at (X, Y) in drawing coordinates with its data values.</summary>
internal readonly record struct PointTip(int Series, double X, double Y, string XText, string YText);

/// <summary>A histogram bar covering [Left, Right] × [Top, Bottom] in drawing coordinates.</summary>
internal readonly record struct BarTip(int Series, double Left, double Right, double Top, double Bottom, string Bin, string Height);

/// <summary>
/// A drawn heatmap: the image box, its block grid (BlockRows × BlockColumns cells, each the mean of RowFactor ×
/// ColumnFactor matrix cells), whether drawing order is flipped against matrix order, and the block means in drawing
/// order (row-major, top row first; NaN where a block has no finite value).
/// </summary>
internal sealed record HeatTip(
    string Name,
    double X,
    double Y,
    double Width,
    double Height,
    int Rows,
    int Columns,
    int BlockRows,
    int BlockColumns,
    int RowFactor,
    int ColumnFactor,
    bool FlipRows,
    bool FlipColumns,
    IReadOnlyList<double> Means);
