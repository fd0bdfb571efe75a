namespace Superposition.Reports.Charts;

/// <summary>
/// Turns a <see cref="Chart"/> into vector primitives in a width × height box (points, origin top-left).
/// Layout: title on top, y tick labels and y label on the left, x tick labels and x label below, colour bar
/// (heatmaps) and outside legend on the right; everything else inside the clipped plot rectangle.
/// </summary>
internal static partial class ChartLayout
{
    public const double TickFont = 7.5;
    public const double LabelFont = 8.5;
    public const double TitleFont = 10;
    public const double LegendFont = 7.5;
    private const double MajorTick = 3.5;
    private const double MinorTick = 2;
    private const double Pad = 6;

    // Coordinates farther than this outside the box are clamped, so absurd values stay valid PDF numbers
    // (the clip hides them anyway).
    private const double FarAway = 1e4;

    private static readonly ChartColor TextColor = new(30, 30, 30);
    private static readonly ChartColor GridColor = new(228, 228, 228);
    private static readonly ChartColor FrameColor = new(90, 90, 90);

    public static ChartDrawing Layout(Chart chart, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!(width > 60) || !(height > 40))
        {
            throw Fail.InvalidArgument("chart size", $"{width} x {height}", "at least 60 x 40 points");
        }

        var data = new ChartData(chart);
        var notes = new List<string>(data.Notes);
        var xTicks = ResolveTicks(chart.XAxis, data.X, (int)Math.Clamp(width / 75, 3, 8), "x", !data.HasHeatmap);
        var yTicks = ResolveTicks(chart.YAxis, data.Y, (int)Math.Clamp(height / 40, 3, 7), "y", !data.HasHeatmap);
        var heatmap = data.HasData && chart.XAxis.Scale == AxisScale.Linear && chart.YAxis.Scale == AxisScale.Linear
            ? chart.Series.OfType<HeatmapSeries>().FirstOrDefault(h => h.Values.Count > 0 && h.Values[0].Count > 0)
            : null;
        var colorRange = heatmap is null ? default : HeatmapRange(heatmap);
        if (chart.Series.OfType<HeatmapSeries>().Count(h => h != heatmap && h.Values.Count > 0) is var extra and > 0 && heatmap is not null)
        {
            notes.Add($"{extra} further heatmap(s) not drawn: a chart shows one heatmap.");
        }
        var legend = LegendEntries(chart);

        // Margins from the text that goes there.
        var top = Pad + (chart.Title is null ? 0 : TitleFont + 6);
        var yLabelWidth = yTicks.Labels.Count == 0 ? 0 : yTicks.Labels.Max(l => TextMetrics.Width(l, TickFont));
        var left = Pad + (chart.YAxis.Label is null ? 0 : LabelFont + 5) + yLabelWidth + MajorTick + 3;
        var bottom = Pad + MajorTick + 3 + TickFont + (chart.XAxis.Label is null ? 0 : LabelFont + 6);
        var lastXLabel = xTicks.Labels.Count == 0 ? string.Empty : xTicks.Labels[^1];
        var right = Math.Max(Pad + 4, (TextMetrics.Width(lastXLabel, TickFont) / 2) + 2);
        ColorBarGeometry? colorBar = null;
        if (heatmap is not null)
        {
            var barTicks = Ticks.Linear(colorRange.Min, colorRange.Max, 5, expandLo: false, expandHi: false);
            var labelWidth = barTicks.Labels.Count == 0 ? 0 : barTicks.Labels.Max(l => TextMetrics.Width(l, TickFont));
            var barBlock = 12 + 10 + MajorTick + 3 + labelWidth + (heatmap.Name is null ? 0 : LabelFont + 6);
            colorBar = new ColorBarGeometry(barTicks, barBlock);
            right = Pad + barBlock;
        }

        var legendSize = MeasureLegend(legend);
        if (chart.Legend == LegendPosition.Outside && legend.Count > 0)
        {
            right += legendSize.Width + 8;
        }

        var plot = new Box(left, top, width - left - right, height - top - bottom);
        if (plot.Width < 20 || plot.Height < 20)
        {
            throw Fail.InvalidArgument("chart size", $"{width} x {height}", "room for a plot area after labels (make the chart larger)");
        }

        var xMap = chart.XAxis.Reversed
            ? new AxisMap(xTicks, chart.XAxis.Scale, plot.Right, plot.X)
            : new AxisMap(xTicks, chart.XAxis.Scale, plot.X, plot.Right);
        var yMap = chart.YAxis.Reversed
            ? new AxisMap(yTicks, chart.YAxis.Scale, plot.Y, plot.Bottom)
            : new AxisMap(yTicks, chart.YAxis.Scale, plot.Bottom, plot.Y);

        var p = new List<Primitive>();
        DrawGrid(p, plot, xMap, yMap);
        p.Add(new PushClipPrimitive(plot.X, plot.Y, plot.Width, plot.Height));

        // Markers are not clipped: a point on the edge of the range would otherwise show as half a dot.
        var markers = new List<Primitive>();
        var tips = new ChartTips { XLabel = chart.XAxis.Label ?? "x", YLabel = chart.YAxis.Label ?? "y", Plot = (plot.X, plot.Y, plot.Width, plot.Height) };
        var colorIndex = 0;
        foreach (var series in chart.Series)
        {
            var color = series is HeatmapSeries ? ChartColor.Black : series.Color ?? ChartColor.Palette[colorIndex++ % ChartColor.Palette.Count];
            DrawSeries(p, markers, series, color, plot, xMap, yMap, series == heatmap ? colorRange : null, notes, tips);
        }

        p.Add(new PopClipPrimitive());
        p.AddRange(markers);
        DrawReferenceLabels(p, chart, plot, xMap, yMap);
        DrawAxes(p, chart, plot, xMap, yMap);
        if (chart.Title is not null)
        {
            p.Add(new TextPrimitive(new PointD(plot.X + (plot.Width / 2), Pad), chart.Title, TitleFont, TextAnchor.Middle, TextBaseline.Top, TextColor, Bold: true));
        }

        if (!data.HasData)
        {
            p.Add(new TextPrimitive(new PointD(plot.X + (plot.Width / 2), plot.Y + (plot.Height / 2)), "no data", LabelFont, TextAnchor.Middle, TextBaseline.Middle, ChartColor.Grey));
            notes.Add("No drawable data.");
        }

        if (heatmap is not null && colorBar is not null)
        {
            DrawColorBar(p, heatmap, colorRange, colorBar, plot);
        }

        DrawLegend(p, chart.Legend, legend, legendSize, plot, width);
        return new ChartDrawing(width, height, p, notes) { Tips = tips };
    }

    private static TickSet ResolveTicks(Axis axis, Extent extent, int target, string name, bool expand)
    {
        var log = axis.Scale == AxisScale.Log10;
        if (axis.Min is { } fixedMin && (!double.IsFinite(fixedMin) || (log && fixedMin <= 0)))
        {
            throw Fail.InvalidArgument(name + " axis minimum", fixedMin, log ? "a positive finite number on a log axis" : "a finite number");
        }

        if (axis.Max is { } fixedMax && (!double.IsFinite(fixedMax) || (log && fixedMax <= 0)))
        {
            throw Fail.InvalidArgument(name + " axis maximum", fixedMax, log ? "a positive finite number on a log axis" : "a finite number");
        }

        double lo, hi;
        if (extent.HasValue)
        {
            (lo, hi) = (extent.Min, extent.Max);
        }
        else
        {
            (lo, hi) = log ? (1.0, 10.0) : (0.0, 1.0);
        }

        lo = axis.Min ?? lo;
        hi = axis.Max ?? hi;
        if (axis.Min is not null && axis.Max is not null && !(hi > lo))
        {
            throw Fail.InvalidArgument(name + " axis range", $"[{lo}, {hi}]", "minimum below maximum");
        }

        if (!(hi > lo))
        {
            // A single value (or an auto end beyond a fixed one): open a window around it.
            (lo, hi) = Widen(lo, hi, log, axis.Min is not null, axis.Max is not null);
        }

        var expandLo = expand && axis.Min is null;
        var expandHi = expand && axis.Max is null;
        return log ? Ticks.Log10(lo, hi, 7, expandLo, expandHi) : Ticks.Linear(lo, hi, target, expandLo, expandHi);
    }

    private static (double Lo, double Hi) Widen(double lo, double hi, bool log, bool loFixed, bool hiFixed)
    {
        if (log)
        {
            return loFixed ? (lo, lo * 10) : hiFixed ? (hi / 10, hi) : (lo / Math.Sqrt(10), hi * Math.Sqrt(10));
        }

        var half = lo == 0 && hi == 0 ? 1 : Math.Max(Math.Abs(lo), Math.Abs(hi)) * 0.1;
        return loFixed ? (lo, lo + (2 * half)) : hiFixed ? (hi - (2 * half), hi) : (lo - half, hi + half);
    }

    private static PointD At(AxisMap x, AxisMap y, double vx, double vy) =>
        new(Math.Clamp(x.Map(vx), -FarAway, FarAway), Math.Clamp(y.Map(vy), -FarAway, FarAway));

    /// <summary>A rectangle in drawing coordinates.</summary>
    private readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;
    }

    private sealed record ColorBarGeometry(TickSet Ticks, double BlockWidth);
}
