using System.Globalization;
using System.Text;
using Superposition.Reports.Charts;
using Superposition.Reports.Content;

namespace Superposition.Reports.Html;

/// <summary>Options of <see cref="HtmlReportRenderer"/>.</summary>
/// <param name="ChartWidth">Width of the chart layout box in points (default 482, the PDF's A4 content width,
/// so both formats get the same chart layout). The SVG then scales to its column of the page.</param>
public sealed record HtmlReportOptions(double ChartWidth = 482);

/// <summary>
/// Renders a document as one self-contained HTML page: inline CSS and one small inline script of our own (sortable
/// and filterable tables, chart tooltips), charts as inline SVG (heatmaps as embedded PNG), no external resources,
/// UTF-8. Without the script the page still reads completely; only sorting, filtering and tooltips need it.
/// </summary>
public sealed partial class HtmlReportRenderer : IReportRenderer
{
    private readonly HtmlReportOptions _options;

    public HtmlReportRenderer(HtmlReportOptions? options = null)
    {
        _options = options ?? new HtmlReportOptions();
    }

    public void Render(Document doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        var page = new PageState(PageLinks.Resolve(doc));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(doc.Title)).Append("</title>\n<style>\n").Append(Css).Append(PrintCss).Append("</style>\n</head>\n<body>\n")
            .Append("<main id=\"top\">\n<h1>").Append(E(doc.Title)).Append("</h1>\n");
        if (doc.Metadata.Count > 0)
        {
            WriteKeyValues(html, doc.Metadata, "meta");
        }

        WriteContents(html, doc, page.Links);
        for (var s = 0; s < doc.Sections.Count; s++)
        {
            var section = doc.Sections[s];
            html.Append("<section id=\"").Append(page.Links.SectionIds[s]).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            if (page.Links.BackLinks.TryGetValue(page.Links.SectionIds[s], out var row))
            {
                html.Append("<p class=\"back\"><a href=\"#").Append(row).Append("\">↑ back to the summary row</a></p>\n");
            }

            WriteBlocks(html, section.Blocks, page);
            html.Append("</section>\n");
        }

        html.Append("</main>\n<a class=\"to-top\" href=\"#top\" title=\"back to the top\">↑ top</a>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
        output.Write(bytes);
    }

    private void WriteBlocks(StringBuilder html, IReadOnlyList<Block> blocks, PageState page)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ChartBlock)
            {
                WriteBlock(html, blocks[i], page);
                continue;
            }

            // Consecutive charts share a grid that puts as many side by side as the window holds.
            html.Append("<div class=\"figures\">\n");
            for (; i < blocks.Count && blocks[i] is ChartBlock chart; i++)
            {
                WriteChart(html, chart, page);
            }

            html.Append("</div>\n");
            i--;
        }
    }

    private void WriteBlock(StringBuilder html, Block block, PageState page)
    {
        switch (block)
        {
            case Heading h:
                var level = Math.Clamp(h.Level, 2, 3) + 1; // h1 is the title, h2 the section
                html.Append(CultureInfo.InvariantCulture, $"<h{level}>").Append(E(h.Text)).Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
                break;
            case Paragraph p:
                html.Append("<p>");
                WriteRuns(html, p.Runs);
                html.Append("</p>\n");
                break;
            case KeyValueList kv:
                WriteKeyValues(html, kv.Items, "kv");
                break;
            case Table t:
                WriteTable(html, t, page);
                break;
            case ChartBlock c:
                WriteChart(html, c, page);
                break;
            case Formula f:
                html.Append("<div class=\"formula\">");
                foreach (var run in f.Runs)
                {
                    var tag = run.Position switch
                    {
                        ScriptPosition.Subscript => "sub",
                        ScriptPosition.Superscript => "sup",
                        _ => null,
                    };
                    html.Append(tag is null ? E(run.Text) : $"<{tag}>{E(run.Text)}</{tag}>");
                }

                html.Append("</div>\n");
                break;
            case PageBreak:
                html.Append("<hr class=\"page-break\">\n");
                break;
            case Callout callout:
                html.Append("<aside class=\"callout ").Append(callout.Kind.ToString().ToLowerInvariant()).Append("\"><strong>")
                    .Append(E(callout.DisplayTitle)).Append(".</strong> ");
                WriteRuns(html, callout.Runs);
                html.Append("</aside>\n");
                break;
            default:
                throw Fail.Internal("unknown block " + block.GetType().Name);
        }
    }

    private void WriteChart(StringBuilder html, ChartBlock c, PageState page)
    {
        var drawing = ChartLayout.Layout(c.Chart, _options.ChartWidth, _options.ChartWidth * c.AspectRatio);
        html.Append("<figure>\n").Append(SvgWriter.Write(drawing, "chart" + page.NextChart().ToString(CultureInfo.InvariantCulture))).Append('\n');
        if (!drawing.Tips.IsEmpty)
        {
            html.Append("<script type=\"application/json\" class=\"tips\">").Append(TipsJson.Write(drawing.Tips)).Append("</script>\n");
        }

        var caption = ChartCaption.Compose(c.Caption, drawing.Notes);
        if (caption.Length > 0)
        {
            html.Append("<figcaption>").Append(E(caption)).Append("</figcaption>\n");
        }

        html.Append("</figure>\n");
    }

    private static void WriteRuns(StringBuilder html, IReadOnlyList<TextRun> runs)
    {
        foreach (var run in runs)
        {
            var text = E(run.Text);
            if (run.Style.HasFlag(TextStyle.Monospace))
            {
                html.Append("<code>").Append(text).Append("</code>");
                continue;
            }

            if (run.Style.HasFlag(TextStyle.Bold))
            {
                text = "<strong>" + text + "</strong>";
            }

            if (run.Style.HasFlag(TextStyle.Italic))
            {
                text = "<em>" + text + "</em>";
            }

            html.Append(text);
        }
    }

    private static void WriteKeyValues(StringBuilder html, IReadOnlyList<KeyValueItem> items, string cssClass)
    {
        html.Append("<table class=\"").Append(cssClass).Append("\">\n");
        foreach (var item in items)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(item.Key)).Append("</th><td>").Append(E(item.Value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string E(string text) => Markup.Escape(text);

    /// <summary>What the blocks of one page share while it is written: the links, and counters for unique ids.</summary>
    private sealed class PageState(PageLinks links)
    {
        private int _charts;
        private int _tables;

        public PageLinks Links { get; } = links;

        public int NextChart() => _charts++;

        public int NextTable() => _tables++;
    }
}
