using Superposition.Reports.Charts;

namespace Superposition.Reports.Tests.Charts;

public sealed class ChartLayoutTests
{
    private const double Width = 400;
    private const double Height = 250;

    [Fact]
    public void Log_axis_skips_non_positive_and_nan_values_and_says_so()
    {
        var chart = new Chart("t", new Axis("x"), new Axis("y", AxisScale.Log10), [new LineSeries("gaps", [1, 2, 3, 4, 5, 6, 7], [1, 10, double.NaN, 100, -5, 0, 1000])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        Assert.Contains("2 value(s) ≤ 0 of 'gaps' not shown on the log axis.", drawing.Notes);
        Assert.Contains("1 NaN/infinite value(s) of 'gaps' not shown.", drawing.Notes);

        // Runs between the gaps: (1,1)-(2,10) is a line; (4,100) and (7,1000) stand alone as dots.
        var polyline = Assert.Single(drawing.Primitives.OfType<PolylinePrimitive>());
        Assert.Equal(2, polyline.Points.Count);
        Assert.Equal(2, drawing.Primitives.OfType<CirclePrimitive>().Count());
    }

    [Fact]
    public void Linear_axis_keeps_zero_and_negative_values_without_a_note()
    {
        var chart = new Chart(null, new Axis(), new Axis(), [new ScatterSeries("s", [0, 1, 2], [-1, 0, 1])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        Assert.Empty(drawing.Notes);
        Assert.Equal(3, drawing.Primitives.OfType<CirclePrimitive>().Count(c => c.Radius == 1.8) - 1); // minus the legend marker
    }

    [Fact]
    public void Points_map_linearly_into_the_plot_rectangle()
    {
        var chart = new Chart(null, new Axis(Min: 0, Max: 10), new Axis(Min: 0, Max: 10), [new ScatterSeries(null, [5, 0, 10], [5, 0, 10])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        var centers = drawing.Primitives.OfType<CirclePrimitive>().Select(c => c.Center).ToArray();
        Assert.Equal(plot.X + (plot.Width / 2), centers[0].X, 9);
        Assert.Equal(plot.Y + (plot.Height / 2), centers[0].Y, 9);
        Assert.Equal((plot.X, plot.Y + plot.Height), (centers[1].X, centers[1].Y)); // (0, 0) bottom left
        Assert.Equal(plot.X + plot.Width, centers[2].X, 9); // (10, 10) top right
        Assert.Equal(plot.Y, centers[2].Y, 9);
    }

    [Fact]
    public void Log_axis_puts_ten_halfway_between_one_and_hundred()
    {
        var chart = new Chart(null, new Axis(Scale: AxisScale.Log10, Min: 1, Max: 100), new Axis(Min: 0, Max: 1), [new ScatterSeries(null, [10], [0.5])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        var center = Assert.Single(drawing.Primitives.OfType<CirclePrimitive>()).Center;
        Assert.Equal(plot.X + (plot.Width / 2), center.X, 9);
    }

    [Fact]
    public void Reversed_axis_puts_low_values_on_top()
    {
        var chart = new Chart(null, new Axis(Min: 0, Max: 1), new Axis(Min: 0, Max: 1, Reversed: true), [new ScatterSeries(null, [0], [0])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        Assert.Equal(plot.Y, Assert.Single(drawing.Primitives.OfType<CirclePrimitive>()).Center.Y, 9);
    }

    [Fact]
    public void Empty_chart_says_no_data()
    {
        var drawing = ChartLayout.Layout(new Chart("empty", new Axis("x"), new Axis("y"), []), Width, Height);
        Assert.Contains(drawing.Primitives.OfType<TextPrimitive>(), t => t.Text == "no data");
        Assert.Contains("No drawable data.", drawing.Notes);
    }

    [Fact]
    public void Single_point_gets_a_window_around_it()
    {
        var drawing = ChartLayout.Layout(new Chart(null, new Axis(), new Axis(), [new ScatterSeries(null, [3], [3])]), Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        var center = Assert.Single(drawing.Primitives.OfType<CirclePrimitive>()).Center;
        Assert.InRange(center.X, plot.X + 1, plot.X + plot.Width - 1);
        Assert.InRange(center.Y, plot.Y + 1, plot.Y + plot.Height - 1);
    }

    [Fact]
    public void Reference_lines_carry_their_labels()
    {
        var chart = new Chart(null, new Axis(), new Axis(), [
            new LineSeries("data", [0, 1], [0, 1]),
            new ReferenceLine("Welch bound", ReferenceOrientation.Horizontal, 0.3),
            new ReferenceLine("MP edge", ReferenceOrientation.Vertical, 0.7),
        ]);
        var texts = ChartLayout.Layout(chart, Width, Height).Primitives.OfType<TextPrimitive>().ToArray();
        Assert.Contains(texts, t => t.Text == "Welch bound" && t.RotationDegrees == 0);
        Assert.Contains(texts, t => t.Text == "MP edge" && t.RotationDegrees == 90);
    }

    [Fact]
    public void Large_heatmap_is_averaged_in_blocks()
    {
        var values = Enumerable.Range(0, 450).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, 450).Select(c => (double)(r + c)).ToArray()).ToArray();
        var chart = new Chart(null, new Axis(), new Axis(Reversed: true), [new HeatmapSeries("v", values)]);
        var drawing = ChartLayout.Layout(chart, Width, Width);
        Assert.Contains("Heatmap 'v' (450 × 450) drawn as block means of 3 × 3 cells.", drawing.Notes);

        // One 150 × 150 raster of block means; the 64 slices of the colour bar are the only unstroked filled rectangles.
        var raster = Assert.Single(drawing.Primitives.OfType<RasterPrimitive>());
        Assert.Equal((150, 150, 150 * 150), (raster.Columns, raster.Rows, raster.Pixels.Count));
        Assert.Equal(64, drawing.Primitives.OfType<RectPrimitive>().Count(r => r.Stroke is null && r.Fill is not null));
    }

    [Fact]
    public void Heatmap_cells_are_centred_on_their_indices()
    {
        var chart = new Chart(null, new Axis(), new Axis(), [new HeatmapSeries(null, [[0.0, 1.0], [2.0, 3.0]])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        var raster = Assert.Single(drawing.Primitives.OfType<RasterPrimitive>());

        // Axes end at the matrix edges (-0.5 .. 1.5), so the raster fills the plot exactly.
        Assert.Equal((plot.X, plot.Y), (raster.X, raster.Y));
        Assert.Equal(plot.Width, raster.Width, 9);
        Assert.Equal(plot.Height, raster.Height, 9);

        // The y axis is not reversed: row 0 (values 0, 1) is drawn at the bottom, so the top pixel row is row 1 (2, 3).
        ChartColor Expected(double v) => ColorScales.At(ColorScale.Viridis, v / 3.0);
        Assert.Equal([Expected(2), Expected(3), Expected(0), Expected(1)], raster.Pixels);
    }

    [Fact]
    public void Fixed_range_must_be_increasing()
    {
        var chart = new Chart(null, new Axis(Min: 2, Max: 1), new Axis(), []);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => ChartLayout.Layout(chart, Width, Height)).Kind);
    }

    [Fact]
    public void Log_axis_rejects_a_non_positive_fixed_minimum()
    {
        var chart = new Chart(null, new Axis(Scale: AxisScale.Log10, Min: 0), new Axis(), []);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => ChartLayout.Layout(chart, Width, Height)).Kind);
    }

    [Fact]
    public void Series_of_unequal_lengths_are_rejected()
    {
        var chart = new Chart(null, new Axis(), new Axis(), [new LineSeries("l", [1, 2], [1])]);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => ChartLayout.Layout(chart, Width, Height)).Kind);
    }

    [Fact]
    public void Empty_histogram_bins_on_a_log_axis_are_not_reported_but_negative_ones_are()
    {
        var chart = new Chart(null, new Axis(), new Axis(Scale: AxisScale.Log10), [new HistogramSeries("h", [0, 1, 2, 3], [5, 0, -1])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        Assert.Equal(["1 value(s) ≤ 0 of 'h' not shown on the log axis."], drawing.Notes);
    }

    [Fact]
    public void Primitives_stay_finite_for_extreme_values()
    {
        var chart = new Chart(null, new Axis(Min: 0, Max: 1), new Axis(Min: 0, Max: 1), [new LineSeries(null, [0, 1e300], [0, -1e300])]);
        var line = Assert.Single(ChartLayout.Layout(chart, Width, Height).Primitives.OfType<PolylinePrimitive>());
        Assert.All(line.Points, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y) && Math.Abs(p.X) <= 1e4));
    }

    [Fact]
    public void Markers_outside_a_fixed_range_are_dropped_and_edge_markers_are_not_clipped()
    {
        var chart = new Chart(null, new Axis(Min: 0, Max: 1), new Axis(Min: 0, Max: 1), [new ScatterSeries(null, [1, 2], [1, 0.5])]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var marker = Assert.Single(drawing.Primitives.OfType<CirclePrimitive>());
        var popIndex = drawing.Primitives.ToList().FindIndex(p => p is PopClipPrimitive);
        Assert.True(drawing.Primitives.ToList().IndexOf(marker) > popIndex, "the edge marker is drawn after the clip ends");
    }

    [Fact]
    public void Dense_lines_are_thinned_to_what_the_page_can_show_but_keep_their_ends()
    {
        var xs = Enumerable.Range(0, 100_000).Select(i => i / 99_999.0).ToArray();
        var chart = new Chart(null, new Axis(Min: 0, Max: 1), new Axis(Min: 0, Max: 1), [new LineSeries(null, xs, xs)]);
        var drawing = ChartLayout.Layout(chart, Width, Height);
        var plot = Assert.Single(drawing.Primitives.OfType<PushClipPrimitive>());
        var line = Assert.Single(drawing.Primitives.OfType<PolylinePrimitive>());

        // Consecutive kept points are at least 0.2 pt apart in x or y, so at most (width / 0.2) + 2 remain.
        Assert.InRange(line.Points.Count, 100, (plot.Width / 0.2) + 2);
        Assert.Equal(new PointD(plot.X, plot.Y + plot.Height), line.Points[0]);
        Assert.Equal(plot.X + plot.Width, line.Points[^1].X, 9);
        Assert.Equal(plot.Y, line.Points[^1].Y, 9);
    }

    [Fact]
    public void Only_the_first_heatmap_is_drawn_and_the_rest_are_noted()
    {
        var chart = new Chart(null, new Axis(), new Axis(), [new HeatmapSeries("a", [[1.0]]), new HeatmapSeries("b", [[2.0]])]);
        Assert.Contains("1 further heatmap(s) not drawn: a chart shows one heatmap.", ChartLayout.Layout(chart, Width, Height).Notes);
    }
}
