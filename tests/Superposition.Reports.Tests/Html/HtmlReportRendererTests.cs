using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Superposition.Reports.Html;
using Superposition.Reports.Content;

namespace Superposition.Reports.Tests.Html;

public sealed class HtmlReportRendererTests
{
    private static readonly Lazy<string> Sample = new(() =>
    {
        // Written to a file (through AtomicFile) so a person can open it after the run.
        var directory = Path.Combine(Path.GetTempPath(), "superposition-reports-tests");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "sample.html");
        new HtmlReportRenderer().RenderToFile(SampleReport.Build(), path);
        return File.ReadAllText(path, Encoding.UTF8);
    });

    [Fact]
    public void Page_has_one_svg_per_chart_and_each_is_well_formed_xml()
    {
        var charts = SampleReport.Build().Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>().Count();
        var svgs = Regex.Matches(Sample.Value, "<svg.*?</svg>", RegexOptions.Singleline);
        Assert.Equal(charts, svgs.Count);
        foreach (Match svg in svgs)
        {
            var root = XDocument.Parse(svg.Value).Root!;
            Assert.Equal("svg", root.Name.LocalName);
        }
    }

    [Fact]
    public void Page_holds_the_texts_table_cells_and_formulas()
    {
        var html = Sample.Value;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Superposition audit: sample model</title>", html, StringComparison.Ordinal);
        Assert.Contains(SampleReport.GreekLine, html, StringComparison.Ordinal);
        Assert.Contains("<td>layer_129</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"r\" data-v=\"0.3333333333333333\">0.3333</td>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>12 layers</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<code>dims --help</code>", html, StringComparison.Ordinal);
        Assert.Contains("μ<sub>max</sub>", html, StringComparison.Ordinal);
        Assert.Contains("2 value(s) ≤ 0 of &#39;with gaps&#39; not shown on the log axis.", html, StringComparison.Ordinal);
        Assert.Contains("Eigenvalues of the frame operator", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        var html = Sample.Value;

        // One script of our own, inline; the others are chart data (application/json, never executed).
        var scripts = Regex.Matches(html, "<script([^>]*)>", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
        Assert.Single(scripts, a => a.Length == 0);
        Assert.All(scripts.Where(a => a.Length > 0), a => Assert.Equal(" type=\"application/json\" class=\"tips\"", a));
        Assert.DoesNotMatch("fetch\\(|XMLHttpRequest|import\\(|\\.src\\s*=", html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        // Only embedded data (heatmap images as data: URIs) and anchors in the page itself may be referenced.
        Assert.DoesNotMatch("href=\"(?!data:image/png;base64,|#)", html);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);

        // The only URL is the SVG namespace name, which is never fetched.
        var urls = Regex.Matches(html, "https?://[^\"' ]+").Select(m => m.Value).Distinct().ToArray();
        Assert.Equal(["http://www.w3.org/2000/svg"], urls);
    }

    [Fact]
    public void Clip_path_ids_are_unique_across_charts()
    {
        var ids = Regex.Matches(Sample.Value, "clipPath id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Text_is_escaped()
    {
        using var output = new MemoryStream();
        new HtmlReportRenderer().Render(new Document("<b>&", new Section("s", Paragraph.Plain("a < b & c"))), output);
        var html = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("<h1>&lt;b&gt;&amp;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("a &lt; b &amp; c", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        using var again = new MemoryStream();
        new HtmlReportRenderer().Render(SampleReport.Build(), again);
        Assert.Equal(Sample.Value, Encoding.UTF8.GetString(again.ToArray()));
    }

    [Fact]
    public void Standalone_chart_svg_is_well_formed_and_reports_its_notes()
    {
        var chart = new Superposition.Reports.Charts.Chart(
            "t",
            new(),
            new(Scale: Superposition.Reports.Charts.AxisScale.Log10),
            [new Superposition.Reports.Charts.ScatterSeries("s", [1, 2], [1, -1])]);
        var svg = ChartSvg.Render(chart, 300, 200, out var notes);
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
        Assert.Equal(["1 value(s) ≤ 0 of 's' not shown on the log axis."], notes);
    }
}
