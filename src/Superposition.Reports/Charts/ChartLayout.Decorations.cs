namespace Superposition.Reports.Charts;

/// <summary>Axes, tick labels, reference-line labels, legend and colour bar.</summary>
internal static partial class ChartLayout
{
    private const double LegendRow = LegendFont + 4;
    private const double LegendSample = 14;

    private static void DrawAxes(List<Primitive> p, Chart chart, Box plot, AxisMap x, AxisMap y)
    {
        var frame = new Stroke(FrameColor, 0.6);
        p.Add(new RectPrimitive(plot.X, plot.Y, plot.Width, plot.Height, null, frame));
        for (var i = 0; i < x.Ticks.Major.Count; i++)
        {
            var px = x.Map(x.Ticks.Major[i]);
            p.Add(new LinePrimitive(new PointD(px, plot.Bottom), new PointD(px, plot.Bottom + MajorTick), frame));
            p.Add(new TextPrimitive(new PointD(px, plot.Bottom + MajorTick + 2), x.Ticks.Labels[i], TickFont, TextAnchor.Middle, TextBaseline.Top, TextColor));
        }

        foreach (var v in x.Ticks.Minor)
        {
            var px = x.Map(v);
            p.Add(new LinePrimitive(new PointD(px, plot.Bottom), new PointD(px, plot.Bottom + MinorTick), frame));
        }

        for (var i = 0; i < y.Ticks.Major.Count; i++)
        {
            var py = y.Map(y.Ticks.Major[i]);
            p.Add(new LinePrimitive(new PointD(plot.X - MajorTick, py), new PointD(plot.X, py), frame));
            p.Add(new TextPrimitive(new PointD(plot.X - MajorTick - 2, py), y.Ticks.Labels[i], TickFont, TextAnchor.End, TextBaseline.Middle, TextColor));
        }

        foreach (var v in y.Ticks.Minor)
        {
            var py = y.Map(v);
            p.Add(new LinePrimitive(new PointD(plot.X - MinorTick, py), new PointD(plot.X, py), frame));
        }

        if (chart.XAxis.Label is { } xLabel)
        {
            var py = plot.Bottom + MajorTick + 3 + TickFont + 4;
            p.Add(new TextPrimitive(new PointD(plot.X + (plot.Width / 2), py), xLabel, LabelFont, TextAnchor.Middle, TextBaseline.Top, TextColor));
        }

        if (chart.YAxis.Label is { } yLabel)
        {
            // Rotated to read bottom-to-top, its top edge (Baseline.Top) toward the left page edge.
            p.Add(new TextPrimitive(new PointD(Pad, plot.Y + (plot.Height / 2)), yLabel, LabelFont, TextAnchor.Middle, TextBaseline.Top, TextColor, RotationDegrees: 90));
        }
    }

    private static void DrawReferenceLabels(List<Primitive> p, Chart chart, Box plot, AxisMap x, AxisMap y)
    {
        var colorIndex = 0;
        var verticalCount = 0;
        foreach (var series in chart.Series)
        {
            var color = series is HeatmapSeries ? ChartColor.Black : series.Color ?? ChartColor.Palette[colorIndex++ % ChartColor.Palette.Count];
            if (series is not ReferenceLine { Name: { } label } reference)
            {
                continue;
            }

            if (reference.Orientation == ReferenceOrientation.Horizontal && y.CanShow(reference.Value))
            {
                var py = y.Map(reference.Value);
                if (py >= plot.Y - 0.5 && py <= plot.Bottom + 0.5)
                {
                    // Above the line, unless that would leave the plot.
                    var above = py - LabelFont - 2 > plot.Y;
                    p.Add(new TextPrimitive(new PointD(plot.Right - 3, above ? py - 1.5 : py + 1.5), label, TickFont, TextAnchor.End, above ? TextBaseline.Bottom : TextBaseline.Top, color));
                }
            }
            else if (reference.Orientation == ReferenceOrientation.Vertical && x.CanShow(reference.Value))
            {
                var px = x.Map(reference.Value);
                if (px >= plot.X - 0.5 && px <= plot.Right + 0.5)
                {
                    // Along the line, left of it; alternate ends so neighbouring lines' labels do not stack.
                    var left = px - LabelFont - 2 > plot.X;
                    var atTop = verticalCount++ % 2 == 0;
                    var anchorPoint = new PointD(left ? px - 1.5 : px + 1.5, atTop ? plot.Y + 3 : plot.Bottom - 3);
                    p.Add(new TextPrimitive(anchorPoint, label, TickFont, atTop ? TextAnchor.End : TextAnchor.Start, left ? TextBaseline.Bottom : TextBaseline.Top, color, RotationDegrees: 90));
                }
            }
        }
    }

    private static List<(ChartSeries Series, ChartColor Color)> LegendEntries(Chart chart)
    {
        var entries = new List<(ChartSeries, ChartColor)>();
        var colorIndex = 0;
        foreach (var series in chart.Series)
        {
            if (series is HeatmapSeries)
            {
                continue;
            }

            var color = series.Color ?? ChartColor.Palette[colorIndex++ % ChartColor.Palette.Count];
            if (chart.Legend != LegendPosition.None && series is not ReferenceLine && series.Name is not null)
            {
                entries.Add((series, color));
            }
        }

        return entries;
    }

    private static (double Width, double Height) MeasureLegend(List<(ChartSeries Series, ChartColor Color)> entries) =>
        entries.Count == 0
            ? (0, 0)
            : (LegendSample + 4 + entries.Max(e => TextMetrics.Width(e.Series.Name!, LegendFont)) + 8, (entries.Count * LegendRow) + 4);

    private static void DrawLegend(
        List<Primitive> p, LegendPosition position, List<(ChartSeries Series, ChartColor Color)> entries, (double Width, double Height) size, Box plot, double width)
    {
        if (entries.Count == 0 || position == LegendPosition.None)
        {
            return;
        }

        const double Inset = 5;
        var (lx, ly) = position switch
        {
            LegendPosition.TopLeft => (plot.X + Inset, plot.Y + Inset),
            LegendPosition.BottomLeft => (plot.X + Inset, plot.Bottom - Inset - size.Height),
            LegendPosition.BottomRight => (plot.Right - Inset - size.Width, plot.Bottom - Inset - size.Height),
            LegendPosition.Outside => (width - Pad - size.Width, plot.Y),
            _ => (plot.Right - Inset - size.Width, plot.Y + Inset),
        };
        p.Add(new RectPrimitive(lx, ly, size.Width, size.Height, ChartColor.White, new Stroke(ChartColor.LightGrey, 0.5)));
        for (var i = 0; i < entries.Count; i++)
        {
            var (series, color) = entries[i];
            var cy = ly + 2 + (i * LegendRow) + (LegendRow / 2);
            var sx = lx + 4;
            switch (series)
            {
                case ScatterSeries s:
                    p.Add(new CirclePrimitive(new PointD(sx + (LegendSample / 2), cy), Math.Max(s.MarkerRadius, 1.8), s.Filled ? color : null, s.Filled ? null : new Stroke(color, 0.7)));
                    break;
                case HistogramSeries:
                    p.Add(new RectPrimitive(sx + 2, cy - 3.5, LegendSample - 4, 7, ChartColor.Lerp(color, ChartColor.White, 0.3), new Stroke(color, 0.4)));
                    break;
                case LineSeries l:
                    p.Add(new LinePrimitive(new PointD(sx, cy), new PointD(sx + LegendSample, cy), new Stroke(color, l.Width, l.Dashed)));
                    break;
                default:
                    break;
            }

            p.Add(new TextPrimitive(new PointD(sx + LegendSample + 4, cy), series.Name!, LegendFont, TextAnchor.Start, TextBaseline.Middle, TextColor));
        }
    }

    private static void DrawColorBar(List<Primitive> p, HeatmapSeries heatmap, (double Min, double Max) range, ColorBarGeometry geometry, Box plot)
    {
        const int Steps = 64;
        var bx = plot.Right + 12;
        const double Bw = 10;
        var slice = plot.Height / Steps;
        for (var i = 0; i < Steps; i++)
        {
            // Bottom slice is the low end of the scale; overlap by a quarter point against seams.
            var color = ColorScales.At(heatmap.Scale, (i + 0.5) / Steps);
            p.Add(new RectPrimitive(bx, plot.Bottom - ((i + 1) * slice), Bw, slice + 0.25, color, null));
        }

        var frame = new Stroke(FrameColor, 0.6);
        p.Add(new RectPrimitive(bx, plot.Y, Bw, plot.Height, null, frame));
        for (var i = 0; i < geometry.Ticks.Major.Count; i++)
        {
            var v = geometry.Ticks.Major[i];
            var py = plot.Bottom - ((v - range.Min) / (range.Max - range.Min) * plot.Height);
            p.Add(new LinePrimitive(new PointD(bx + Bw, py), new PointD(bx + Bw + MajorTick, py), frame));
            p.Add(new TextPrimitive(new PointD(bx + Bw + MajorTick + 2, py), geometry.Ticks.Labels[i], TickFont, TextAnchor.Start, TextBaseline.Middle, TextColor));
        }

        if (heatmap.Name is { } name)
        {
            var lx = plot.Right + geometry.BlockWidth - 2;
            p.Add(new TextPrimitive(new PointD(lx, plot.Y + (plot.Height / 2)), name, LabelFont, TextAnchor.Middle, TextBaseline.Bottom, TextColor, RotationDegrees: 90));
        }
    }
}
