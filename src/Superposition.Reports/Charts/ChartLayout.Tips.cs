namespace Superposition.Reports.Charts;

/// <summary>Collection of the tooltip targets while the series are drawn.</summary>
internal static partial class ChartLayout
{
    /// <summary>Targets closer than this (points, both directions) to the previous one of the same series are dropped.</summary>
    private const double MinTipSpacing = 0.75;

    private static int TipSeries(ChartTips tips, ChartSeries series)
    {
        tips.Series.Add(series.Name ?? "series " + (tips.Series.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return tips.Series.Count - 1;
    }

    private static void TipPoints(ChartTips tips, ChartSeries series, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Box plot, AxisMap x, AxisMap y)
    {
        int index = TipSeries(tips, series);
        PointD? last = null;
        for (var i = 0; i < xs.Count && tips.Points.Count < ChartTips.MaxPoints; i++)
        {
            if (!x.CanShow(xs[i]) || !y.CanShow(ys[i]))
            {
                continue;
            }

            var at = At(x, y, xs[i], ys[i]);
            if (!Inside(plot, at) || (last is { } l && Math.Abs(at.X - l.X) < MinTipSpacing && Math.Abs(at.Y - l.Y) < MinTipSpacing))
            {
                continue;
            }

            tips.Points.Add(new PointTip(index, at.X, at.Y, ChartTips.Format(xs[i]), ChartTips.Format(ys[i])));
            last = at;
        }
    }

    private static void TipBar(ChartTips tips, int series, PointD a, PointD b, double baseY, double lo, double hi, double height) =>
        tips.Bars.Add(new BarTip(series, Math.Min(a.X, b.X), Math.Max(a.X, b.X), Math.Min(a.Y, baseY), Math.Max(a.Y, baseY), $"[{ChartTips.Format(lo)}, {ChartTips.Format(hi)}]", ChartTips.Format(height)));
}
