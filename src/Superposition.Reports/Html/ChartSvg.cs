using Superposition.Reports.Charts;

namespace Superposition.Reports.Html;

/// <summary>A chart as a standalone SVG document (for files or other pages), laid out like in the reports.</summary>
public static class ChartSvg
{
    /// <param name="chart">What to draw.</param>
    /// <param name="width">Layout width in points (the PDF content width is 482).</param>
    /// <param name="height">Layout height in points.</param>
    /// <param name="notes">Data notes of the chart (skipped values and similar), to show next to it.</param>
    public static string Render(Chart chart, double width, double height, out IReadOnlyList<string> notes)
    {
        var drawing = ChartLayout.Layout(chart, width, height);
        notes = drawing.Notes;
        return SvgWriter.Write(drawing, "chart");
    }
}
