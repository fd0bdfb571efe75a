using System.Globalization;
using System.Text;
using Superposition.Reports.Charts;
using Superposition.Reports.Model;

namespace Superposition.Reports.Html;

/// <summary>Options of <see cref="HtmlReportRenderer"/>.</summary>
/// <param name="ChartWidth">Width of the chart layout box in points (default 482, the PDF's A4 content width,
/// so both formats get the same chart layout). The SVG then scales to the page column (at most 760 px).</param>
public sealed record HtmlReportOptions(double ChartWidth = 482);

/// <summary>
/// Renders a document as one self-contained HTML page: inline CSS, charts as inline SVG, no scripts, no
/// external resources, UTF-8.
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
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(doc.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(doc.Title)).Append("</h1>\n");
        if (doc.Metadata.Count > 0)
        {
            WriteKeyValues(html, doc.Metadata, "meta");
        }

        var chartIndex = 0;
        foreach (var section in doc.Sections)
        {
            html.Append("<section>\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                WriteBlock(html, block, ref chartIndex);
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
        output.Write(bytes);
    }

    private void WriteBlock(StringBuilder html, Block block, ref int chartIndex)
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
                WriteTable(html, t);
                break;
            case ChartBlock c:
                var drawing = ChartLayout.Layout(c.Chart, _options.ChartWidth, _options.ChartWidth * c.AspectRatio);
                html.Append("<figure>\n").Append(SvgWriter.Write(drawing, "chart" + chartIndex++.ToString(CultureInfo.InvariantCulture))).Append('\n');
                var caption = ChartCaption.Compose(c.Caption, drawing.Notes);
                if (caption.Length > 0)
                {
                    html.Append("<figcaption>").Append(E(caption)).Append("</figcaption>\n");
                }

                html.Append("</figure>\n");
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

    private static void WriteTable(StringBuilder html, Table table)
    {
        html.Append("<table class=\"data\">\n");
        if (table.Caption is not null)
        {
            html.Append("<caption>").Append(E(table.Caption)).Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th").Append(Align(column.Alignment)).Append('>').Append(E(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                html.Append("<td").Append(Align(table.Columns[c].Alignment)).Append('>').Append(E(table.CellText(r, c))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Align(ColumnAlignment alignment) => alignment switch
    {
        ColumnAlignment.Right => " class=\"r\"",
        ColumnAlignment.Center => " class=\"c\"",
        _ => string.Empty,
    };

    private static string E(string text) => Markup.Escape(text);
}
