using System.Globalization;
using System.Text.Json;
using Superposition.Reports.Charts;
using Superposition.Reports.Html;
using Superposition.Reports.Content;
using Superposition.Tests.Shared;

namespace Superposition.Reports.Tests.Html;

/// <summary>
/// The HTML page opened in headless Chromium and used as a reader would: header clicks sort, filters hide rows,
/// links jump to a section and back, the pointer on a chart shows its value, and a phone-wide window neither
/// overflows the page nor breaks a number across lines. Expected orders are computed here from the data.
/// </summary>
public sealed class HtmlPageInBrowserTests
{
    private const int Rows = 40;

    private static readonly Lazy<(string Path, Row[] Rows)> Page = new(() =>
    {
        var random = new Random(17);
        var rows = Enumerable.Range(0, Rows).Select(i => new Row(
            $"block{i % 7}.layer_{i:00}",
            i % 3 == 0 ? "Conv" : "MatMul",
            i % 4 == 0 ? "write" : "read",
            i == 11 ? double.NaN : Math.Round(Math.Pow(10, (4 * random.NextDouble()) - 3), 6),
            8 + random.Next(900),
            i % 5 == 0 ? ["superposition", "α over-fit"] : i % 2 == 0 ? ["superposition"] : ["none"])).ToArray();
        var columns = new[]
        {
            new TableColumn("layer") { Filter = ColumnFilter.Text },
            new TableColumn("op") { Filter = ColumnFilter.Choice },
            new TableColumn("role") { Filter = ColumnFilter.Choice },
            new TableColumn("ΣD/m", ColumnAlignment.Right, "G4"),
            new TableColumn("n × m", ColumnAlignment.Right),
            new TableColumn("findings") { Filter = ColumnFilter.Choice },
        };
        var cells = rows.Select((r, i) => (IReadOnlyList<TableCell>)
        [
            i < 3 ? TableCell.Of(r.Name) with { Link = "detail-" + i } : r.Name,
            r.Op,
            r.Role,
            r.Value,
            $"{r.Features} × 64",
            TableCell.Of(string.Join(", ", r.Findings)) with { Tags = r.Findings },
        ]).ToArray();
        var xs = new double[] { 1, 2, 3, 4, 5 };
        var ys = new double[] { 0.5, 4, 2, 8, 1 };
        var sections = new List<Section>
        {
            new("Summary", new Table(columns, cells, "Every layer.")),
            new("Chart", new ChartBlock(new Chart("points", new Axis("rank k"), new Axis("eigenvalue λ"), [new ScatterSeries("λ_k", xs, ys) { MarkerRadius = 3 }]), "Five points.")),
        };
        sections.AddRange(Enumerable.Range(0, 3).Select(i => new Section(rows[i].Name, Paragraph.Plain(string.Join(" ", Enumerable.Repeat("Detail text.", 400)))) { Anchor = "detail-" + i }));
        string path = Path.Combine(RepoPaths.NewTempFolder(), "page.html");
        new HtmlReportRenderer().RenderToFile(new Document("Browser test", [new KeyValueItem("model", "test")], sections), path);
        return (path, rows);
    });

    [RequiresChromiumFact]
    public void Clicking_a_column_header_sorts_the_rows_by_that_column_numbers_as_numbers_and_blanks_last()
    {
        using var browser = HeadlessChromium.Start();
        browser.Open(Page.Value.Path);
        var rows = Page.Value.Rows;
        Assert.Equal(rows.Select(r => r.Name), RowOrder(browser));

        // ΣD/m: ascending on the first click, descending on the second; the NaN row stays last both times.
        var finite = rows.Where(r => !double.IsNaN(r.Value)).ToList();
        var blank = rows.Where(r => double.IsNaN(r.Value)).Select(r => r.Name);
        browser.ClickElement("#t0 thead th:nth-child(4) button");
        Assert.Equal(finite.OrderBy(r => r.Value).Select(r => r.Name).Concat(blank), RowOrder(browser));
        Assert.Equal("ascending", browser.Evaluate("document.querySelector('#t0 thead th:nth-child(4)').getAttribute('aria-sort')").GetString());
        browser.ClickElement("#t0 thead th:nth-child(4) button");
        var descending = finite.OrderByDescending(r => r.Value).Concat(rows.Where(r => double.IsNaN(r.Value))).ToList();
        Assert.Equal(descending.Select(r => r.Name), RowOrder(browser));

        // "n × m" text sorts by its leading number, not as text ("8 × 64" before "80 × 64" before "800 × 64"); rows with
        // equal keys keep the order they had (LINQ's OrderBy is stable too).
        browser.ClickElement("#t0 thead th:nth-child(5) button");
        Assert.Equal(descending.OrderBy(r => r.Features).Select(r => r.Name), RowOrder(browser));

        // Text columns sort alphabetically.
        browser.ClickElement("#t0 thead th:nth-child(1) button");
        Assert.Equal(rows.Select(r => r.Name).Order(StringComparer.Ordinal), RowOrder(browser));
    }

    [RequiresChromiumFact]
    public void Filters_by_typed_name_and_chosen_values_show_only_the_matching_rows()
    {
        using var browser = HeadlessChromium.Start();
        browser.Open(Page.Value.Path);
        var rows = Page.Value.Rows;

        browser.ClickElement(".filters input[data-col='0']");
        browser.Type("BLOCK3.");
        Assert.Equal(rows.Where(r => r.Name.StartsWith("block3.", StringComparison.Ordinal)).Select(r => r.Name), VisibleRows(browser));

        browser.Evaluate("(function(){var s=document.querySelector(\".filters select[data-col='1']\"); s.value='Conv'; s.dispatchEvent(new Event('change'));})()");
        var both = rows.Where(r => r.Name.StartsWith("block3.", StringComparison.Ordinal) && r.Op == "Conv").Select(r => r.Name).ToList();
        Assert.Equal(both, VisibleRows(browser));
        Assert.Equal($"{both.Count} of {Rows} rows", browser.Evaluate("document.querySelector('.filters .count').textContent").GetString());

        // A finding filter matches any of a row's findings, not the joined text.
        browser.Evaluate("(function(){var b=document.querySelector('.filters'); b.querySelector(\"input\").value=''; var s=b.querySelector(\"select[data-col='1']\"); s.value=''; var f=b.querySelector(\"select[data-col='5']\"); f.value='α over-fit'; f.dispatchEvent(new Event('change'));})()");
        Assert.Equal(rows.Where(r => r.Findings.Contains("α over-fit")).Select(r => r.Name), VisibleRows(browser));
    }

    [RequiresChromiumFact]
    public void A_layer_name_links_to_its_section_and_the_section_links_back_to_the_row()
    {
        using var browser = HeadlessChromium.Start();
        browser.Open(Page.Value.Path);
        browser.ClickElement("#t0 tbody tr:nth-child(2) a");
        Assert.Equal("#detail-1", browser.Evaluate("location.hash").GetString());
        double top = browser.Evaluate("document.getElementById('detail-1').getBoundingClientRect().top").GetDouble();
        Assert.InRange(top, -1, 120); // scrolled to the section (less the scroll margin)

        browser.ClickElement("#detail-1 .back a");
        Assert.Equal("#row-detail-1", browser.Evaluate("location.hash").GetString());
        var row = browser.Evaluate("(function(){var r=document.getElementById('row-detail-1').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];})()");
        Assert.True(row[0].GetDouble() >= 0 && row[1].GetDouble() <= row[2].GetDouble(), "the linked row is in view: " + row.GetRawText());
        Assert.Equal(Page.Value.Rows[1].Name, browser.Evaluate("document.getElementById('row-detail-1').cells[0].textContent").GetString());
    }

    [RequiresChromiumFact]
    public void Pointer_on_a_chart_point_shows_its_series_and_values()
    {
        using var browser = HeadlessChromium.Start();
        browser.Open(Page.Value.Path);
        // Where the fourth point (4, 8) is drawn: its circle's centre, mapped to the viewport by the SVG's own transform.
        var at = browser.Evaluate("(function(){var s=document.querySelector('figure svg.chart'); s.scrollIntoView({block:'center'}); var c=Array.from(s.querySelectorAll('circle')).filter(function(c){return c.getAttribute('class')!=='hl';}); var pts=c.map(function(e){var p=new DOMPoint(+e.getAttribute('cx'), +e.getAttribute('cy')).matrixTransform(s.getScreenCTM()); return [p.x,p.y];}); pts.sort(function(a,b){return a[0]-b[0];}); return pts[3];})()");
        browser.MoveMouse(at[0].GetDouble() + 2, at[1].GetDouble() - 1);
        var tip = browser.Evaluate("(function(){var t=document.querySelector('.tip'); return t.hidden ? null : t.innerText;})()");
        Assert.Equal(JsonValueKind.String, tip.ValueKind);
        Assert.Equal(["λ_k", "rank k: 4", "eigenvalue λ: 8"], tip.GetString()!.Split('\n'));

        browser.MoveMouse(2, 2);
        Assert.True(browser.Evaluate("document.querySelector('.tip').hidden").GetBoolean());
    }

    [RequiresChromiumFact]
    public void A_phone_wide_window_scrolls_the_table_inside_its_frame_and_keeps_every_number_on_one_line()
    {
        using var browser = HeadlessChromium.Start(390, 800);
        browser.Open(Page.Value.Path);
        var widths = browser.Evaluate("[document.documentElement.scrollWidth, window.innerWidth, document.querySelector('.table-wrap').scrollWidth, document.querySelector('.table-wrap').clientWidth]");
        Assert.True(widths[0].GetInt32() <= widths[1].GetInt32(), "the page does not overflow the window: " + widths.GetRawText());
        Assert.True(widths[2].GetInt32() > widths[3].GetInt32(), "the table scrolls inside its frame: " + widths.GetRawText());

        // One line box per right-aligned cell: a number is never broken.
        var broken = browser.Evaluate("Array.from(document.querySelectorAll('td.r')).filter(function(td){var r=document.createRange(); r.selectNodeContents(td); return r.getClientRects().length !== 1;}).map(function(td){return td.textContent;})");
        Assert.Equal(0, broken.GetArrayLength());
        Assert.Equal(Rows * 2, browser.Evaluate("document.querySelectorAll('td.r').length").GetInt32());
    }

    private static List<string> RowOrder(HeadlessChromium browser) =>
        browser.Evaluate("Array.from(document.querySelectorAll('#t0 tbody tr')).map(function(r){return r.cells[0].textContent;})")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> VisibleRows(HeadlessChromium browser) =>
        browser.Evaluate("Array.from(document.querySelectorAll('#t0 tbody tr')).filter(function(r){return !r.hidden && r.offsetParent !== null;}).map(function(r){return r.cells[0].textContent;})")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

    internal sealed record Row(string Name, string Op, string Role, double Value, int Features, string[] Findings)
    {
        public override string ToString() => Name + " " + Value.ToString(CultureInfo.InvariantCulture);
    }
}
