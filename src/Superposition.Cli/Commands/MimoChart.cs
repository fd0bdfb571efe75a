using Superposition.Reports.Charts;
using Superposition.Reports.Html;
using Superposition.Training.Mimo;

namespace Superposition.Cli.Commands;

/// <summary>The MIMO accuracy-against-N chart (SVG): learned heads, fixed key unbinding beside it, chance level.</summary>
internal static class MimoChart
{
    public static string Svg(MimoResult result)
    {
        var x = result.Cells.Select(c => (double)c.Slots).ToArray();
        var palette = ChartColor.Palette;
        var chart = new Chart(
            "Accuracy against the number of superposed inputs N",
            new Axis("N (inputs per forward pass = throughput)", AxisScale.Linear, 0, x.Max() + 1),
            new Axis("held-out accuracy", AxisScale.Linear, 0, 1),
            [
                new LineSeries("learned unbinding heads", x, result.Cells.Select(c => c.Accuracy).ToArray()) { Color = palette[0], Width = 2 },
                new ScatterSeries(null, x, result.Cells.Select(c => c.Accuracy).ToArray()) { Color = palette[0], MarkerRadius = 3 },
                new LineSeries("fixed key unbinding (same network)", x, result.Cells.Select(c => c.FixedUnbindingAccuracy).ToArray()) { Color = palette[1], Width = 2, Dashed = true },
                new ScatterSeries(null, x, result.Cells.Select(c => c.FixedUnbindingAccuracy).ToArray()) { Color = palette[1], MarkerRadius = 3 },
                new ReferenceLine("chance 1/C", ReferenceOrientation.Horizontal, result.ChanceAccuracy) { Color = ChartColor.Grey },
            ]) { Legend = LegendPosition.BottomLeft };
        return ChartSvg.Render(chart, 640, 400, out _);
    }
}
