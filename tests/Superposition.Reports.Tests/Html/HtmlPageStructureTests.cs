using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Superposition.Reports.Charts;
using Superposition.Reports.Html;
using Superposition.Reports.Content;

namespace Superposition.Reports.Tests.Html;

/// <summary>What the page script relies on, checked in the markup: anchors and back links, filter controls, tooltip data.</summary>
public sealed class HtmlPageStructureTests
{
    private static string Render(Document doc)
    {
        using var output = new MemoryStream();
        new HtmlReportRenderer().Render(doc, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static Table LinkedTable(string target) =>
        new([new TableColumn("layer")], [[TableCell.Of("a") with { Link = target }], ["b"]]);

    [Fact]
    public void A_linked_cell_points_at_the_section_and_the_section_points_back_at_the_row()
    {
        var html = Render(new Document("t", new Section("Summary", LinkedTable("layer-0")), new Section("a (3 × 2)") { Anchor = "layer-0" }));
        Assert.Contains("<tr id=\"row-layer-0\"><td><a href=\"#layer-0\">a</a></td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"layer-0\">\n<h2>a (3 × 2)</h2>\n<p class=\"back\"><a href=\"#row-layer-0\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"s0\">", html, StringComparison.Ordinal); // a section without anchor is numbered
        Assert.Contains("<li><a href=\"#layer-0\">a (3 × 2)</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_missing_section_or_a_repeated_anchor_is_refused()
    {
        var missing = Assert.ThrowsAny<Exception>(() => Render(new Document("t", new Section("Summary", LinkedTable("nowhere")))));
        Assert.Contains("nowhere", missing.Message, StringComparison.Ordinal);
        var repeated = Assert.ThrowsAny<Exception>(() => Render(new Document("t", new Section("a") { Anchor = "x" }, new Section("b") { Anchor = "x" })));
        Assert.Contains("'x'", repeated.Message.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => Render(new Document("t", new Section("a") { Anchor = "has space" })));
    }

    [Fact]
    public void Choice_filters_offer_each_tag_once_and_text_filters_a_search_box()
    {
        var table = new Table(
            [new TableColumn("layer") { Filter = ColumnFilter.Text }, new TableColumn("findings") { Filter = ColumnFilter.Choice }, new TableColumn("op")],
            [
                ["a", TableCell.Of("superposition, α over-fit") with { Tags = ["superposition", "α over-fit"] }, "Conv"],
                ["b", TableCell.Of("superposition") with { Tags = ["superposition"] }, "Gemm"],
                ["c", TableCell.Of("—") with { Tags = ["none"] }, "Conv"],
            ]);
        var html = Render(new Document("t", new Section("s", table)));
        Assert.Contains("<input type=\"search\" data-col=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("<select data-col=\"1\" data-match=\"tag\"><option value=\"\">all</option><option>none</option><option>superposition</option><option>α over-fit</option></select>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-col=\"2\"", html, StringComparison.Ordinal); // no filter asked for
        Assert.Contains("<td data-tags=\"superposition|α over-fit\">superposition, α over-fit</td>", html, StringComparison.Ordinal);
        Assert.Contains("3 of 3 rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_tips_hold_every_bar_and_every_heatmap_cell_in_drawing_order()
    {
        var histogram = new Chart("h", new Axis("D_i"), new Axis("count"), [new HistogramSeries("layer", [0, 0.5, 1], [3, 7])]);
        double[][] matrix = [[1, 2, 3], [4, 5, double.NaN]];
        var heatmap = new Chart("m", new Axis("column"), new Axis("row", Reversed: true), [new HeatmapSeries("cos", matrix)]);
        var html = Render(new Document("t", new Section("s", new ChartBlock(histogram), new ChartBlock(heatmap))));
        var tips = Regex.Matches(html, "<script type=\"application/json\" class=\"tips\">(.*?)</script>").Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement).ToList();
        Assert.Equal(2, tips.Count);

        var bars = tips[0].GetProperty("b").EnumerateArray().ToList();
        Assert.Equal(14, bars.Count); // two bars of seven fields
        Assert.Equal(["[0, 0.5]", "3", "[0.5, 1]", "7"], new[] { bars[5], bars[6], bars[12], bars[13] }.Select(b => b.GetString()));
        Assert.True(bars[1].GetDouble() < bars[2].GetDouble() && bars[2].GetDouble() <= bars[8].GetDouble(), "bars left to right");
        Assert.True(bars[10].GetDouble() < bars[3].GetDouble(), "the taller bar has the higher top");

        // Row 0 at the top (reversed y axis): drawing order is matrix order; a NaN cell has no value.
        var h = tips[1].GetProperty("h");
        Assert.Equal((2, 3, false), (h.GetProperty("br").GetInt32(), h.GetProperty("bc").GetInt32(), h.GetProperty("flipR").GetBoolean()));
        Assert.Equal("[1,2,3,4,5,null]", h.GetProperty("v").GetRawText());
    }

    [Fact]
    public void Consecutive_charts_share_one_figure_grid()
    {
        var chart = new ChartBlock(new Chart("c", new Axis("x"), new Axis("y"), [new ScatterSeries("s", [1], [1])]));
        var html = Render(new Document("t", new Section("s", chart, chart, Paragraph.Plain("between"), chart)));
        var grids = Regex.Matches(html, "<div class=\"figures\">\n(.*?)</div>\n", RegexOptions.Singleline).Select(m => Regex.Matches(m.Groups[1].Value, "<figure>").Count);
        Assert.Equal([2, 1], grids);
    }
}
