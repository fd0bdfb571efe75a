namespace Superposition.Reports.Charts;

/// <summary>
/// Data ranges of a chart's series on both axes, counting the values that cannot be drawn
/// (NaN/infinite anywhere, ≤ 0 on a log axis) so the layout can tell the reader.
/// </summary>
internal sealed class ChartData
{
    private readonly List<string> _notes = [];

    public ChartData(Chart chart)
    {
        var xLog = chart.XAxis.Scale == AxisScale.Log10;
        var yLog = chart.YAxis.Scale == AxisScale.Log10;
        foreach (var series in chart.Series)
        {
            var counts = new SkipCounts();
            switch (series)
            {
                case LineSeries line:
                    AddPoints(line.X, line.Y, xLog, yLog, ref counts);
                    break;
                case ScatterSeries scatter:
                    AddPoints(scatter.X, scatter.Y, xLog, yLog, ref counts);
                    break;
                case HistogramSeries histogram:
                    AddHistogram(histogram, xLog, yLog, ref counts);
                    break;
                case ReferenceLine reference:
                    var log = reference.Orientation == ReferenceOrientation.Horizontal ? yLog : xLog;
                    if (Usable(reference.Value, log, ref counts))
                    {
                        if (reference.Orientation == ReferenceOrientation.Horizontal)
                        {
                            Y.Add(reference.Value);
                        }
                        else
                        {
                            X.Add(reference.Value);
                        }
                    }

                    break;
                case HeatmapSeries heatmap:
                    AddHeatmap(heatmap, xLog, yLog);
                    break;
                default:
                    throw Fail.Internal("unknown chart series " + series.GetType().Name);
            }

            Note(series, counts, xLog || yLog);
        }
    }

    public Extent X { get; } = new();

    /// <summary>Whether a heatmap is drawn: its axes then end at the matrix edges instead of nice ticks.</summary>
    public bool HasHeatmap { get; private set; }

    public Extent Y { get; } = new();

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Whether any series has at least one drawable value.</summary>
    public bool HasData => X.HasValue || Y.HasValue;

    private static bool Usable(double v, bool log, ref SkipCounts counts)
    {
        if (!double.IsFinite(v))
        {
            counts.NonFinite++;
            return false;
        }

        if (log && v <= 0)
        {
            counts.NonPositive++;
            return false;
        }

        return true;
    }

    private void AddPoints(IReadOnlyList<double> xs, IReadOnlyList<double> ys, bool xLog, bool yLog, ref SkipCounts counts)
    {
        if (xs.Count != ys.Count)
        {
            throw Fail.InvalidArgument("chart series", xs.Count + " x values and " + ys.Count + " y values", "equal lengths");
        }

        for (var i = 0; i < xs.Count; i++)
        {
            // Count a point once, by its first problem: NaN beats non-positive.
            var nonFinite = !double.IsFinite(xs[i]) || !double.IsFinite(ys[i]);
            if (nonFinite)
            {
                counts.NonFinite++;
                continue;
            }

            if ((xLog && xs[i] <= 0) || (yLog && ys[i] <= 0))
            {
                counts.NonPositive++;
                continue;
            }

            X.Add(xs[i]);
            Y.Add(ys[i]);
        }
    }

    private void AddHistogram(HistogramSeries histogram, bool xLog, bool yLog, ref SkipCounts counts)
    {
        if (histogram.Heights.Count == 0)
        {
            return;
        }

        if (histogram.Edges.Count != histogram.Heights.Count + 1)
        {
            throw Fail.InvalidArgument(
                "histogram '" + histogram.Name + "'",
                histogram.Edges.Count + " edges for " + histogram.Heights.Count + " bins",
                "one more edge than bins");
        }

        for (var i = 0; i < histogram.Heights.Count; i++)
        {
            double lo = histogram.Edges[i], hi = histogram.Edges[i + 1], h = histogram.Heights[i];
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || !double.IsFinite(h))
            {
                counts.NonFinite++;
                continue;
            }

            if ((xLog && lo <= 0) || (yLog && h <= 0))
            {
                // An empty bin (height 0) on a log y axis is not worth a note: there is nothing to draw anyway.
                if (!(yLog && h == 0))
                {
                    counts.NonPositive++;
                }

                continue;
            }

            X.Add(lo);
            X.Add(hi);
            Y.Add(h);
            if (!yLog)
            {
                Y.Add(0); // bars stand on zero
            }
        }
    }

    private void AddHeatmap(HeatmapSeries heatmap, bool xLog, bool yLog)
    {
        var rows = heatmap.Values.Count;
        var columns = rows == 0 ? 0 : heatmap.Values[0].Count;
        if (heatmap.Values.Any(r => r.Count != columns))
        {
            throw Fail.InvalidArgument("heatmap '" + heatmap.Name + "'", "rows of different lengths", "a rectangular matrix");
        }

        if (rows == 0 || columns == 0)
        {
            return;
        }

        if (xLog || yLog)
        {
            _notes.Add("Heatmap '" + heatmap.Name + "' needs linear axes; it is not drawn on a log axis.");
            return;
        }

        X.Add(-0.5);
        X.Add(columns - 0.5);
        Y.Add(-0.5);
        Y.Add(rows - 0.5);
        HasHeatmap = true;
    }

    private void Note(ChartSeries series, SkipCounts counts, bool anyLog)
    {
        var name = series.Name is null ? "a series" : "'" + series.Name + "'";
        if (counts.NonFinite > 0)
        {
            _notes.Add($"{counts.NonFinite} NaN/infinite value(s) of {name} not shown.");
        }

        if (counts.NonPositive > 0 && anyLog)
        {
            _notes.Add($"{counts.NonPositive} value(s) ≤ 0 of {name} not shown on the log axis.");
        }
    }

    private struct SkipCounts
    {
        public int NonFinite;
        public int NonPositive;
    }
}

/// <summary>Running min/max of finite values.</summary>
internal sealed class Extent
{
    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public bool HasValue => Min <= Max;

    public void Add(double v)
    {
        Min = Math.Min(Min, v);
        Max = Math.Max(Max, v);
    }
}
