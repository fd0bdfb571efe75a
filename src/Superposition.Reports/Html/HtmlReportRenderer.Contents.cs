using System.Text;
using Superposition.Reports.Content;

namespace Superposition.Reports.Html;

/// <summary>The list of contents under the title.</summary>
public sealed partial class HtmlReportRenderer
{
    /// <summary>Above this many sections the list of contents starts folded (a 300-layer model's detail sections).</summary>
    private const int OpenContentsLimit = 24;

    private static void WriteContents(StringBuilder html, Document doc, PageLinks links)
    {
        if (doc.Sections.Count < 2)
        {
            return;
        }

        html.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<details").Append(doc.Sections.Count <= OpenContentsLimit ? " open" : string.Empty)
            .Append("><summary>Contents</summary>\n<ol>\n");
        for (var s = 0; s < doc.Sections.Count; s++)
        {
            html.Append("<li><a href=\"#").Append(links.SectionIds[s]).Append("\">").Append(E(doc.Sections[s].Title)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</details>\n</nav>\n");
    }
}
