namespace Superposition.Reports.Charts;

/// <summary>Drawing of the data series inside the plot rectangle.</summary>
internal static partial class ChartLayout
{
    /// <summary>Points closer than this (in points, both directions) to the previous one are dropped from lines.</summary>
    private const double MinSegment = 0.2;

    private static void DrawGrid(List<Primitive> p, Box plot, AxisMap x, AxisMap y)
    {
        var grid = new Stroke(GridColor, 0.5);
        foreach (var v in x.Ticks.Major)
        {
            var px = x.Map(v);
            p.Add(new LinePrimitive(new PointD(px, plot.Y), new PointD(px, plot.Bottom), grid));
        }

        foreach (var v in y.Ticks.Major)
        {
            var py = y.Map(v);
            p.Add(new LinePrimitive(new PointD(plot.X, py), new PointD(plot.Right, py), grid));
        }
    }

    private static void DrawSeries(
        List<Primitive> p, List<Primitive> markers, ChartSeries series, ChartColor color, Box plot, AxisMap x, AxisMap y, (double Min, double Max)? colorRange, List<string> notes, ChartTips tips)
    {
        switch (series)
        {
            case LineSeries line:
                var stroke = new Stroke(color, line.Width, line.Dashed);
                foreach (var run in Runs(line.X, line.Y, x, y))
                {
                    if (run.Count > 1)
                    {
                        p.Add(new PolylinePrimitive(run, stroke));
                    }
                    else if (Inside(plot, run[0]))
                    {
                        markers.Add(new CirclePrimitive(run[0], Math.Max(1.6, line.Width * 1.5), color, null)); // a lone point is invisible as a line
                    }
                }

                TipPoints(tips, line, line.X, line.Y, plot, x, y);

                break;
            case ScatterSeries scatter:
                for (var i = 0; i < scatter.X.Count; i++)
                {
                    if (x.CanShow(scatter.X[i]) && y.CanShow(scatter.Y[i]) && Inside(plot, At(x, y, scatter.X[i], scatter.Y[i])))
                    {
                        markers.Add(new CirclePrimitive(
                            At(x, y, scatter.X[i], scatter.Y[i]),
                            scatter.MarkerRadius,
                            scatter.Filled ? color : null,
                            scatter.Filled ? null : new Stroke(color, 0.7)));
                    }
                }

                TipPoints(tips, scatter, scatter.X, scatter.Y, plot, x, y);

                break;
            case HistogramSeries histogram:
                DrawHistogram(p, histogram, color, x, y, tips);
                break;
            case ReferenceLine reference:
                var refStroke = new Stroke(color, 0.9, reference.Dashed);
                if (reference.Orientation == ReferenceOrientation.Horizontal && y.CanShow(reference.Value))
                {
                    var py = Math.Clamp(y.Map(reference.Value), -FarAway, FarAway);
                    p.Add(new LinePrimitive(new PointD(plot.X, py), new PointD(plot.Right, py), refStroke));
                }
                else if (reference.Orientation == ReferenceOrientation.Vertical && x.CanShow(reference.Value))
                {
                    var px = Math.Clamp(x.Map(reference.Value), -FarAway, FarAway);
                    p.Add(new LinePrimitive(new PointD(px, plot.Y), new PointD(px, plot.Bottom), refStroke));
                }

                break;
            case HeatmapSeries heatmap when colorRange is { } range:
                DrawHeatmap(p, heatmap, range, x, y, notes, tips);
                break;
            default:
                break; // a second heatmap, or one on log axes: ChartData already noted it
        }
    }

    /// <summary>Whether a mapped point lies in the plot rectangle (half a point of slack for rounding).</summary>
    private static bool Inside(Box plot, PointD point) =>
        point.X >= plot.X - 0.5 && point.X <= plot.Right + 0.5 && point.Y >= plot.Y - 0.5 && point.Y <= plot.Bottom + 0.5;

    /// <summary>
    /// Mapped points of a line, split into runs where a point cannot be drawn. Within a run, a point closer
    /// than <see cref="MinSegment"/> to the last kept one is dropped (the run's last point is always kept):
    /// a 100k-point curve shrinks to what the page can show, with at most that much deviation.
    /// </summary>
    private static List<List<PointD>> Runs(IReadOnlyList<double> xs, IReadOnlyList<double> ys, AxisMap x, AxisMap y)
    {
        var runs = new List<List<PointD>>();
        List<PointD>? current = null;
        PointD? skipped = null;
        for (var i = 0; i < xs.Count; i++)
        {
            if (!x.CanShow(xs[i]) || !y.CanShow(ys[i]))
            {
                EndRun(current, ref skipped);
                current = null;
                continue;
            }

            var point = At(x, y, xs[i], ys[i]);
            if (current is null)
            {
                current = [point];
                runs.Add(current);
                continue;
            }

            var last = current[^1];
            if (Math.Abs(point.X - last.X) < MinSegment && Math.Abs(point.Y - last.Y) < MinSegment)
            {
                skipped = point;
                continue;
            }

            current.Add(point);
            skipped = null;
        }

        EndRun(current, ref skipped);
        return runs;

        static void EndRun(List<PointD>? run, ref PointD? pending)
        {
            if (run is not null && pending is { } end)
            {
                run.Add(end);
            }

            pending = null;
        }
    }

    private static void DrawHistogram(List<Primitive> p, HistogramSeries histogram, ChartColor color, AxisMap x, AxisMap y, ChartTips tips)
    {
        var tipSeries = TipSeries(tips, histogram);
        // Bars stand on zero (linear) or on the bottom of the axis (log, where zero does not exist).
        var baseValue = y.IsLog ? y.Ticks.Min : Math.Clamp(0, y.Ticks.Min, y.Ticks.Max);
        var baseY = y.Map(baseValue);
        var fill = ChartColor.Lerp(color, ChartColor.White, 0.3);
        var step = new List<PointD>();
        for (var i = 0; i < histogram.Heights.Count; i++)
        {
            double lo = histogram.Edges[i], hi = histogram.Edges[i + 1], h = histogram.Heights[i];
            if (!x.CanShow(lo) || !x.CanShow(hi) || !y.CanShow(h))
            {
                FlushStep(p, step, color);
                continue;
            }

            var a = At(x, y, lo, h);
            var b = At(x, y, hi, h);
            TipBar(tips, tipSeries, a, b, baseY, lo, hi, h);
            if (histogram.Style == HistogramStyle.Bars)
            {
                var top = Math.Min(a.Y, baseY);
                p.Add(new RectPrimitive(Math.Min(a.X, b.X), top, Math.Abs(b.X - a.X), Math.Abs(baseY - a.Y), fill, new Stroke(color, 0.4)));
            }
            else
            {
                if (step.Count == 0)
                {
                    step.Add(new PointD(a.X, baseY));
                }

                step.Add(a);
                step.Add(b);
            }
        }

        FlushStep(p, step, color);

        void FlushStep(List<Primitive> prims, List<PointD> points, ChartColor c)
        {
            if (points.Count > 0)
            {
                points.Add(new PointD(points[^1].X, baseY));
                prims.Add(new PolylinePrimitive(points.ToArray(), new Stroke(c, 1.0)));
                points.Clear();
            }
        }
    }

    /// <summary>Colour scale ends: fixed, or the finite data range (diverging: symmetric about zero).</summary>
    private static (double Min, double Max) HeatmapRange(HeatmapSeries heatmap)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var row in heatmap.Values)
        {
            foreach (var v in row)
            {
                if (double.IsFinite(v))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            }
        }

        if (lo > hi)
        {
            (lo, hi) = (0, 1);
        }

        if (heatmap.Scale == ColorScale.Diverging)
        {
            var m = Math.Max(Math.Abs(lo), Math.Abs(hi));
            (lo, hi) = (-m, m);
        }

        lo = heatmap.ValueMin ?? lo;
        hi = heatmap.ValueMax ?? hi;
        if (!(hi > lo))
        {
            (lo, hi) = lo == 0 ? (-1, 1) : (lo - (Math.Abs(lo) * 0.1), hi + (Math.Abs(hi) * 0.1));
        }

        return (lo, hi);
    }

    private static void DrawHeatmap(List<Primitive> p, HeatmapSeries heatmap, (double Min, double Max) range, AxisMap x, AxisMap y, List<string> notes, ChartTips tips)
    {
        var rows = heatmap.Values.Count;
        var columns = heatmap.Values[0].Count;
        var maxCells = Math.Max(1, heatmap.MaxCells);
        var fr = (rows + maxCells - 1) / maxCells;
        var fc = (columns + maxCells - 1) / maxCells;
        if (fr > 1 || fc > 1)
        {
            notes.Add($"Heatmap '{heatmap.Name}' ({rows} × {columns}) drawn as block means of {fr} × {fc} cells.");
        }

        var nanColor = new ChartColor(200, 200, 200);
        int blockRows = (rows + fr - 1) / fr, blockColumns = (columns + fc - 1) / fc;
        var means = new ChartColor[blockRows, blockColumns];
        var values = new double[blockRows, blockColumns];
        for (var br = 0; br < blockRows; br++)
        {
            for (var bc = 0; bc < blockColumns; bc++)
            {
                double sum = 0;
                var count = 0;
                for (var r = br * fr; r < Math.Min((br + 1) * fr, rows); r++)
                {
                    for (var c = bc * fc; c < Math.Min((bc + 1) * fc, columns); c++)
                    {
                        var v = heatmap.Values[r][c];
                        if (double.IsFinite(v))
                        {
                            sum += v;
                            count++;
                        }
                    }
                }

                values[br, bc] = count == 0 ? double.NaN : sum / count;
                means[br, bc] = count == 0 ? nanColor : ColorScales.At(heatmap.Scale, ((sum / count) - range.Min) / (range.Max - range.Min));
            }
        }

        // The grid spans whole blocks; a partial last block overhangs the matrix edge, where the plot clip trims it.
        var a = At(x, y, -0.5, -0.5);
        var b = At(x, y, (blockColumns * fc) - 0.5, (blockRows * fr) - 0.5);
        bool flipRows = a.Y > b.Y, flipColumns = a.X > b.X; // row 0 drawn at the bottom unless the axis is reversed
        var pixels = new ChartColor[blockRows * blockColumns];
        var drawnValues = new double[blockRows * blockColumns];
        for (var i = 0; i < blockRows; i++)
        {
            for (var j = 0; j < blockColumns; j++)
            {
                pixels[(i * blockColumns) + j] = means[flipRows ? blockRows - 1 - i : i, flipColumns ? blockColumns - 1 - j : j];
                drawnValues[(i * blockColumns) + j] = values[flipRows ? blockRows - 1 - i : i, flipColumns ? blockColumns - 1 - j : j];
            }
        }

        p.Add(new RasterPrimitive(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y), blockColumns, blockRows, pixels));
        tips.Heat = new HeatTip(heatmap.Name ?? "value", Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y), rows, columns, blockRows, blockColumns, fr, fc, flipRows, flipColumns, drawnValues);
    }
}
