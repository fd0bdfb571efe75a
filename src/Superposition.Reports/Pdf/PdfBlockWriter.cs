using PdfSharp.Drawing;
using Superposition.Reports.Charts;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>Lays out the blocks of a document one after another on the pages of a <see cref="PdfPageFlow"/>.</summary>
internal sealed partial class PdfBlockWriter
{
    private const double LineFactor = 1.32;
    private static readonly XSolidBrush TextBrush = new(XColor.FromArgb(30, 30, 30));
    private static readonly XSolidBrush MutedBrush = new(XColor.FromArgb(80, 80, 80));

    private readonly PdfPageFlow _flow;
    private readonly PdfFonts _fonts;

    public PdfBlockWriter(PdfPageFlow flow, PdfFonts fonts)
    {
        _flow = flow;
        _fonts = fonts;
    }

    private XGraphics G => _flow.Graphics;

    private double Body => _fonts.BodySize;

    public void WriteTitle(string title, IReadOnlyList<KeyValueItem> metadata)
    {
        var size = Body * 2;
        WriteWrapped([new TextRun(title, TextStyle.Bold)], size, 0, ColumnAlignment.Left, TextBrush);
        _flow.Y += 6;
        if (metadata.Count > 0)
        {
            WriteKeyValues(metadata, _fonts.SmallSize + 0.5, MutedBrush);
        }

        var rule = new XPen(XColor.FromArgb(160, 160, 160), 0.7);
        G.DrawLine(rule, _flow.Left, _flow.Y + 2, _flow.Left + _flow.ContentWidth, _flow.Y + 2);
        _flow.Y += 10;
    }

    /// <param name="title">Section title.</param>
    /// <param name="next">The section's first block, kept on the same page as the title.</param>
    public void WriteSectionTitle(string title, Block? next) => WriteHeading(title, 1, next);

    /// <param name="block">What to write.</param>
    /// <param name="next">The block after it (a heading keeps the start of it on its page).</param>
    public void Write(Block block, Block? next)
    {
        switch (block)
        {
            case Heading h:
                WriteHeading(h.Text, Math.Clamp(h.Level, 2, 3), next);
                break;
            case Paragraph p:
                WriteWrapped(p.Runs, Body, 0, ColumnAlignment.Left, TextBrush);
                _flow.Y += Body * 0.6;
                break;
            case KeyValueList kv:
                WriteKeyValues(kv.Items, Body, TextBrush);
                _flow.Y += Body * 0.6;
                break;
            case Table t:
                WriteTable(t.ForPrint());
                break;
            case ChartBlock c:
                WriteChart(c);
                break;
            case Formula f:
                WriteFormula(f);
                break;
            case PageBreak:
                if (!_flow.PageIsEmpty)
                {
                    _flow.NewPage();
                }

                break;
            case Callout callout:
                WriteCallout(callout);
                break;
            default:
                throw Fail.Internal("unknown block " + block.GetType().Name);
        }
    }

    private void WriteHeading(string text, int level, Block? next)
    {
        var size = level switch
        {
            1 => Body * 1.5,
            2 => Body * 1.22,
            _ => Body * 1.07,
        };
        var spaceBefore = level == 1 ? Body * 1.4 : Body * 0.9;
        var lines = PdfTextLayout.Wrap(G, [new TextRun(text, TextStyle.Bold)], s => _fonts.Get(size, s), _flow.ContentWidth);

        // Keep the heading with the start of what follows (a whole chart, or a few lines).
        _flow.EnsureSpace(spaceBefore + (lines.Count * size * LineFactor) + (Body * 0.35) + LeadHeight(next));
        if (!_flow.PageIsEmpty)
        {
            _flow.Y += spaceBefore;
        }

        DrawLines(lines, size, _flow.Left, _flow.ContentWidth, ColumnAlignment.Left, TextBrush);
        if (level == 1)
        {
            G.DrawLine(new XPen(XColor.FromArgb(200, 200, 200), 0.5), _flow.Left, _flow.Y + 1, _flow.Left + _flow.ContentWidth, _flow.Y + 1);
            _flow.Y += 3;
        }

        _flow.Y += Body * 0.35;
    }

    /// <summary>The height of the part of a block that must not be separated from a heading above it.</summary>
    private double LeadHeight(Block? next) => next switch
    {
        ChartBlock c => ChartFootprint(c).Total,
        Table => 4 * _fonts.TableSize * 1.25,
        Formula => Body * 2.4,
        Callout => (Body * 0.3) + 12 + (2 * Body * LineFactor),
        _ => 3 * Body * LineFactor,
    };

    /// <summary>Chart box: the content width at the requested aspect ratio, shrunk to fit 80 % of a page.</summary>
    private (double Width, double Height) ChartSize(ChartBlock block)
    {
        var width = _flow.ContentWidth;
        var height = width * block.AspectRatio;
        var maxHeight = _flow.ContentHeight * 0.8;
        return height > maxHeight ? (width * maxHeight / height, maxHeight) : (width, height);
    }

    /// <summary>Wraps runs to the content width (minus <paramref name="indent"/>) and draws them line by line,
    /// breaking pages between lines.</summary>
    private void WriteWrapped(IReadOnlyList<TextRun> runs, double size, double indent, ColumnAlignment alignment, XBrush brush)
    {
        var width = _flow.ContentWidth - indent;
        var lines = PdfTextLayout.Wrap(G, runs, s => _fonts.Get(size, s), width);
        DrawLines(lines, size, _flow.Left + indent, width, alignment, brush);
    }

    private void DrawLines(List<TextLine> lines, double size, double x, double width, ColumnAlignment alignment, XBrush brush)
    {
        var lineHeight = size * LineFactor;
        foreach (var line in lines)
        {
            _flow.EnsureSpace(lineHeight);
            var lx = alignment switch
            {
                ColumnAlignment.Right => x + width - line.Width,
                ColumnAlignment.Center => x + ((width - line.Width) / 2),
                _ => x,
            };
            PdfTextLayout.DrawLine(G, line, lx, _flow.Y + size, brush);
            _flow.Y += lineHeight;
        }
    }

    /// <summary>Everything a chart block puts on the page: drawing, caption lines, and their total height.</summary>
    private (ChartDrawing Drawing, List<TextLine> Caption, double Total) ChartFootprint(ChartBlock block)
    {
        var (width, height) = ChartSize(block);
        var drawing = ChartLayout.Layout(block.Chart, width, height);
        var caption = ChartCaption.Compose(block.Caption, drawing.Notes);
        var captionSize = _fonts.SmallSize;
        var lines = caption.Length == 0
            ? []
            : PdfTextLayout.Wrap(G, [new TextRun(caption, TextStyle.Italic)], s => _fonts.Get(captionSize, s), _flow.ContentWidth);
        return (drawing, lines, height + 4 + (lines.Count * captionSize * LineFactor));
    }

    private void WriteChart(ChartBlock block)
    {
        var (drawing, captionLines, total) = ChartFootprint(block);
        _flow.EnsureSpace(total);
        var x = _flow.Left + ((_flow.ContentWidth - drawing.Width) / 2);
        PdfChartPainter.Paint(G, drawing, x, _flow.Y, _fonts);
        _flow.Y += drawing.Height + 4;
        DrawLines(captionLines, _fonts.SmallSize, _flow.Left, _flow.ContentWidth, ColumnAlignment.Left, MutedBrush);
        _flow.Y += Body * 0.8;
    }
}
