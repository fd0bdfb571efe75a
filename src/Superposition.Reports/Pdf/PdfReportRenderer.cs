using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>
/// Renders a document to PDF with PDFsharp: A4 portrait, margins, a header with the title and a footer
/// "page k of N" on every page, wrapped text, tables that continue across pages with their header
/// repeated, and charts as vector graphics. Fonts: DejaVu Sans / Sans Mono, embedded as subsets.
/// PDFsharp is AGPL-3.0-only; binaries that include this renderer fall under the AGPL.
/// </summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    private readonly PdfReportOptions _options;

    public PdfReportRenderer(PdfReportOptions? options = null)
    {
        _options = options ?? new PdfReportOptions();
        if (!(_options.Margin >= 10 && _options.Margin <= 150))
        {
            throw Fail.InvalidArgument("PDF margin", _options.Margin, "between 10 and 150 points");
        }

        if (!(_options.BodyFontSize >= 6 && _options.BodyFontSize <= 16))
        {
            throw Fail.InvalidArgument("PDF body font size", _options.BodyFontSize, "between 6 and 16 points");
        }
    }

    public void Render(Document doc, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        PdfSharpSetup.EnsureInitialized();
        using var document = new PdfDocument();
        document.Info.Title = doc.Title;
        document.Info.Creator = "Superposition";
        document.Info.Author = "Superposition";
        if (_options.CreationDate is { } created)
        {
            document.Info.CreationDate = created.UtcDateTime;
            document.Info.ModificationDate = created.UtcDateTime;
        }

        var fonts = new PdfFonts(_options.BodyFontSize);
        using (var flow = new PdfPageFlow(document, _options.Margin))
        {
            var writer = new PdfBlockWriter(flow, fonts);
            writer.WriteTitle(doc.Title, doc.Metadata);
            foreach (var section in doc.Sections)
            {
                writer.WriteSectionTitle(section.Title, section.Blocks.Count > 0 ? section.Blocks[0] : null);
                for (var i = 0; i < section.Blocks.Count; i++)
                {
                    writer.Write(section.Blocks[i], i + 1 < section.Blocks.Count ? section.Blocks[i + 1] : null);
                }
            }
        }

        DrawHeadersAndFooters(document, doc.Title, fonts, _options.Margin);
        document.Save(output, false);
    }

    /// <summary>Second pass, once the page count is known: running header and "page k of N".</summary>
    private static void DrawHeadersAndFooters(PdfDocument document, string title, PdfFonts fonts, double margin)
    {
        var count = document.PageCount;
        var font = fonts.Get(fonts.SmallSize);
        var grey = new XSolidBrush(XColor.FromArgb(110, 110, 110));
        var rule = new XPen(XColor.FromArgb(190, 190, 190), 0.5);
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            var headerBaseline = margin - 14;
            if (i > 0)
            {
                var shown = Shorten(g, title, font, width - (2 * margin));
                g.DrawString(shown, font, grey, margin, headerBaseline, XStringFormats.BaseLineLeft);
                g.DrawLine(rule, margin, headerBaseline + 4, width - margin, headerBaseline + 4);
            }

            var footer = string.Create(CultureInfo.InvariantCulture, $"page {i + 1} of {count}");
            var footerWidth = g.MeasureString(footer, font).Width;
            g.DrawString(footer, font, grey, (width - footerWidth) / 2, height - margin + 24, XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>Cuts a running header that would not fit, with an ellipsis.</summary>
    private static string Shorten(XGraphics g, string text, XFont font, double maxWidth)
    {
        if (g.MeasureString(text, font).Width <= maxWidth)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && g.MeasureString(text[..length] + "…", font).Width > maxWidth)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
