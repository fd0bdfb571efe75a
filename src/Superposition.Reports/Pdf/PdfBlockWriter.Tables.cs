using PdfSharp.Drawing;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>Tables (paginated, header repeated) and key/value lists.</summary>
internal sealed partial class PdfBlockWriter
{
    private const double CellPadX = 3.5;
    private const double CellPadY = 2.2;

    // Natural column widths are clamped to this range before sharing out the page width, so one long cell
    // cannot starve the others (it wraps instead).
    private const double MinColumn = 28;
    private const double MaxColumn = 220;

    private static readonly XSolidBrush HeaderFill = new(XColor.FromArgb(236, 236, 236));
    private static readonly XSolidBrush StripeFill = new(XColor.FromArgb(248, 248, 248));
    private static readonly XPen HeaderRule = new(XColor.FromArgb(150, 150, 150), 0.6);
    private static readonly XPen RowRule = new(XColor.FromArgb(225, 225, 225), 0.4);

    private void WriteTable(Table table)
    {
        if (table.Columns.Count == 0)
        {
            return;
        }

        var size = _fonts.TableSize;
        var lineHeight = size * 1.25;
        var widths = ColumnWidths(table, size);
        var header = table.Columns.Select((c, i) => WrapCell(c.Header, TextStyle.Bold, size, widths[i])).ToArray();
        var headerHeight = RowHeight(header, lineHeight);
        var rows = Enumerable.Range(0, table.Rows.Count)
            .Select(r => Enumerable.Range(0, table.Columns.Count)
                .Select(c => WrapCell(table.CellText(r, c), TextStyle.Regular, size, table.Columns[c].NoWrap ? double.MaxValue : widths[c])).ToArray())
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add([WrapCell("(no rows)", TextStyle.Italic, size, widths[0]), .. Enumerable.Range(1, table.Columns.Count - 1).Select(_ => new List<TextLine>())]);
        }

        _flow.Y += Body * 0.3;
        var captionSize = _fonts.SmallSize + 0.5;
        var captionHeight = table.Caption is null ? 0 : captionSize * LineFactor;

        // Caption, header and the first row stay together.
        _flow.EnsureSpace(captionHeight + headerHeight + RowHeight(rows[0], lineHeight));
        if (table.Caption is not null)
        {
            WriteWrapped([new TextRun(table.Caption, TextStyle.Italic)], captionSize, 0, ColumnAlignment.Left, MutedBrush);
        }

        DrawRow(table, header, widths, headerHeight, lineHeight, size, HeaderFill, HeaderRule);
        for (var r = 0; r < rows.Count; r++)
        {
            var height = RowHeight(rows[r], lineHeight);
            if (_flow.Y + height > _flow.Bottom)
            {
                _flow.NewPage();
                if (table.Caption is not null)
                {
                    WriteWrapped([new TextRun(table.Caption + " (continued)", TextStyle.Italic)], captionSize, 0, ColumnAlignment.Left, MutedBrush);
                }

                DrawRow(table, header, widths, headerHeight, lineHeight, size, HeaderFill, HeaderRule);
            }

            DrawRow(table, rows[r], widths, height, lineHeight, size, r % 2 == 1 ? StripeFill : null, RowRule);
        }

        _flow.Y += Body * 0.9;
    }

    /// <summary>
    /// Each column first gets its longest unbreakable word (a <see cref="TableColumn.NoWrap"/> column: its widest
    /// whole cell, so numbers and op names never split), then the space left is shared in proportion to how much
    /// more each column would like (its widest cell), weighted by <see cref="TableColumn.RelativeWidth"/>. Narrow
    /// tables keep their natural widths; when even the minimums do not fit, only the wrapping columns shrink.
    /// </summary>
    private double[] ColumnWidths(Table table, double size)
    {
        int count = table.Columns.Count;
        var minimum = new double[count];
        var natural = new double[count];
        var regular = _fonts.Get(size);
        var bold = _fonts.Get(size, TextStyle.Bold);
        for (var c = 0; c < count; c++)
        {
            double widest = 0, word = 0;
            bool noWrap = table.Columns[c].NoWrap;
            void Measure(string text, XFont font, bool whole)
            {
                double full = G.MeasureString(text, font).Width;
                widest = Math.Max(widest, full);
                if (whole)
                {
                    word = Math.Max(word, full);
                    return;
                }

                foreach (var piece in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    word = Math.Max(word, G.MeasureString(piece, font).Width);
                }
            }

            Measure(table.Columns[c].Header, bold, whole: false);
            for (var r = 0; r < table.Rows.Count; r++) Measure(table.CellText(r, c), regular, noWrap);
            minimum[c] = noWrap ? Math.Max(word + (2 * CellPadX), MinColumn) : Math.Clamp(word + (2 * CellPadX), MinColumn, MaxColumn);
            natural[c] = noWrap ? Math.Max(widest + (2 * CellPadX), minimum[c]) : Math.Clamp(widest + (2 * CellPadX), minimum[c], MaxColumn);
        }

        double available = _flow.ContentWidth;
        if (natural.Sum() <= available) return natural;
        if (minimum.Sum() >= available)
        {
            double fixedWidth = Enumerable.Range(0, count).Where(c => table.Columns[c].NoWrap).Sum(c => minimum[c]);
            double wrapping = minimum.Sum() - fixedWidth;
            if (fixedWidth < available && wrapping > 0)
            {
                // Wrapping columns give way, the widest first (a level L caps them all): long layer names break inside
                // their words, while a prose column's short words stay whole as long as L is above them.
                var wrap = Enumerable.Range(0, count).Where(c => !table.Columns[c].NoWrap).Select(c => minimum[c]).OrderDescending().ToList();
                double room = available - fixedWidth;
                double level = room / wrap.Count;
                for (int k = 0; k < wrap.Count; k++)
                {
                    // With the k widest capped at L and the rest at their minimums: L = (room − Σ rest) / k.
                    double rest = wrap.Skip(k).Sum();
                    if (k > 0 && (room - rest) / k >= wrap[k])
                    {
                        level = (room - rest) / k;
                        break;
                    }
                }

                return minimum.Select((w, c) => table.Columns[c].NoWrap ? w : Math.Min(w, level)).ToArray();
            }

            double shrink = available / minimum.Sum();
            return minimum.Select(w => w * shrink).ToArray();
        }

        var wish = natural.Select((w, c) => (w - minimum[c]) * Math.Max(table.Columns[c].RelativeWidth, 0.05)).ToArray();
        double share = (available - minimum.Sum()) / Math.Max(wish.Sum(), 1e-9);
        return minimum.Select((w, c) => w + Math.Min(wish[c] * share, natural[c] - w)).ToArray();
    }

    private List<TextLine> WrapCell(string text, TextStyle style, double size, double width) =>
        PdfTextLayout.Wrap(G, [new TextRun(text, style)], s => _fonts.Get(size, s), Math.Max(width - (2 * CellPadX), 4));

    private static double RowHeight(IReadOnlyList<List<TextLine>> cells, double lineHeight) =>
        (cells.Max(c => Math.Max(c.Count, 1)) * lineHeight) + (2 * CellPadY);

    private void DrawRow(Table table, IReadOnlyList<List<TextLine>> cells, double[] widths, double height, double lineHeight, double size, XBrush? fill, XPen rule)
    {
        var total = widths.Sum();
        if (fill is not null)
        {
            G.DrawRectangle(fill, _flow.Left, _flow.Y, total, height);
        }

        var x = _flow.Left;
        for (var c = 0; c < cells.Count; c++)
        {
            var y = _flow.Y + CellPadY;
            var inner = widths[c] - (2 * CellPadX);
            foreach (var line in cells[c])
            {
                var lx = table.Columns[c].Alignment switch
                {
                    ColumnAlignment.Right => x + CellPadX + inner - line.Width,
                    ColumnAlignment.Center => x + CellPadX + ((inner - line.Width) / 2),
                    _ => x + CellPadX,
                };
                PdfTextLayout.DrawLine(G, line, lx, y + (size * 0.98), TextBrush);
                y += lineHeight;
            }

            x += widths[c];
        }

        G.DrawLine(rule, _flow.Left, _flow.Y + height, _flow.Left + total, _flow.Y + height);
        _flow.Y += height;
    }

    private void WriteKeyValues(IReadOnlyList<KeyValueItem> items, double size, XBrush brush)
    {
        if (items.Count == 0)
        {
            return;
        }

        var keyFont = _fonts.Get(size, TextStyle.Bold);
        var keyWidth = Math.Min(items.Max(i => G.MeasureString(i.Key, keyFont).Width) + 12, _flow.ContentWidth * 0.4);
        var valueWidth = _flow.ContentWidth - keyWidth;
        var lineHeight = size * LineFactor;
        foreach (var item in items)
        {
            var keyLines = PdfTextLayout.Wrap(G, [new TextRun(item.Key, TextStyle.Bold)], s => _fonts.Get(size, s), keyWidth - 12);
            var valueLines = PdfTextLayout.Wrap(G, [new TextRun(item.Value)], s => _fonts.Get(size, s), valueWidth);
            var rows = Math.Max(keyLines.Count, valueLines.Count);
            _flow.EnsureSpace(Math.Min(rows, 3) * lineHeight);
            for (var i = 0; i < rows; i++)
            {
                _flow.EnsureSpace(lineHeight);
                var baseline = _flow.Y + size;
                if (i < keyLines.Count)
                {
                    PdfTextLayout.DrawLine(G, keyLines[i], _flow.Left, baseline, brush);
                }

                if (i < valueLines.Count)
                {
                    PdfTextLayout.DrawLine(G, valueLines[i], _flow.Left + keyWidth, baseline, brush);
                }

                _flow.Y += lineHeight;
            }
        }
    }
}
