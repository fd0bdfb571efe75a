using PdfSharp.Drawing;
using Superposition.Reports.Content;

namespace Superposition.Reports.Pdf;

/// <summary>A measured piece of one line: text in one font.</summary>
internal sealed record TextPiece(string Text, XFont Font, double Width);

/// <summary>One wrapped line: its pieces and total width.</summary>
internal sealed record TextLine(IReadOnlyList<TextPiece> Pieces, double Width);

/// <summary>
/// Greedy word wrapping of styled runs with real font metrics. Breaks at spaces and at '\n'; a word wider
/// than the line is split between characters. Adjacent words in the same font are merged into one piece,
/// so text extraction (pdftotext, copy and paste) sees normal spaces.
/// </summary>
internal static class PdfTextLayout
{
    public static List<TextLine> Wrap(XGraphics g, IReadOnlyList<TextRun> runs, Func<TextStyle, XFont> font, double maxWidth)
    {
        var lines = new List<TextLine>();
        var current = new List<TextPiece>();
        double width = 0;
        foreach (var run in runs)
        {
            var f = font(run.Style);
            var space = g.MeasureString(" ", f).Width;
            var paragraphs = Clean(run.Text).Split('\n');
            for (var pi = 0; pi < paragraphs.Length; pi++)
            {
                if (pi > 0)
                {
                    EndLine(g, lines, current, ref width);
                }

                var text = paragraphs[pi];
                var start = 0;
                while (start < text.Length)
                {
                    // A token is a word with the spaces before it.
                    var wordStart = start;
                    while (wordStart < text.Length && text[wordStart] == ' ')
                    {
                        wordStart++;
                    }

                    var wordEnd = text.IndexOf(' ', wordStart);
                    if (wordEnd < 0)
                    {
                        wordEnd = text.Length;
                    }

                    var leadingSpaces = wordStart - start;
                    var word = text[wordStart..wordEnd];
                    start = wordEnd;
                    if (word.Length == 0)
                    {
                        if (current.Count > 0 && leadingSpaces > 0)
                        {
                            Append(current, " ", f, space, ref width); // trailing space of a run before the next run
                        }

                        continue;
                    }

                    var wordWidth = g.MeasureString(word, f).Width;
                    var gap = current.Count > 0 && leadingSpaces > 0 ? space : 0;
                    if (current.Count > 0 && width + gap + wordWidth > maxWidth)
                    {
                        EndLine(g, lines, current, ref width);
                        gap = 0;
                    }

                    if (gap > 0)
                    {
                        Append(current, " ", f, space, ref width);
                    }

                    if (wordWidth <= maxWidth || current.Count > 0)
                    {
                        Append(current, word, f, wordWidth, ref width);
                    }
                    else
                    {
                        SplitLongWord(g, word, f, maxWidth, lines, current, ref width);
                    }
                }
            }
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            EndLine(g, lines, current, ref width);
        }

        return lines;
    }

    /// <summary>Draws a line with its baseline at <paramref name="baseline"/>, starting at <paramref name="x"/>.</summary>
    public static void DrawLine(XGraphics g, TextLine line, double x, double baseline, XBrush brush)
    {
        foreach (var piece in line.Pieces)
        {
            g.DrawString(piece.Text, piece.Font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += piece.Width;
        }
    }

    /// <summary>Tabs become spaces, CR LF becomes LF, other control characters (no glyph in any font) are dropped.</summary>
    private static string Clean(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\t', ' ');
        return text.Any(c => char.IsControl(c) && c != '\n') ? new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray()) : text;
    }

    private static void SplitLongWord(XGraphics g, string word, XFont f, double maxWidth, List<TextLine> lines, List<TextPiece> current, ref double width)
    {
        var from = 0;
        while (from < word.Length)
        {
            var length = 1;
            while (from + length < word.Length && g.MeasureString(word.Substring(from, length + 1), f).Width <= maxWidth)
            {
                length++;
            }

            var part = word.Substring(from, length);
            Append(current, part, f, g.MeasureString(part, f).Width, ref width);
            from += length;
            if (from < word.Length)
            {
                EndLine(g, lines, current, ref width);
            }
        }
    }

    private static void Append(List<TextPiece> current, string text, XFont f, double w, ref double width)
    {
        if (current.Count > 0 && ReferenceEquals(current[^1].Font, f))
        {
            var last = current[^1];
            current[^1] = new TextPiece(last.Text + text, f, last.Width + w);
        }
        else
        {
            current.Add(new TextPiece(text, f, w));
        }

        width += w;
    }

    private static void EndLine(XGraphics g, List<TextLine> lines, List<TextPiece> current, ref double width)
    {
        // Drop a trailing space so right/centre alignment is exact.
        if (current.Count > 0 && current[^1].Text.EndsWith(' '))
        {
            var last = current[^1];
            var trimmed = last.Text.TrimEnd(' ');
            var trimmedWidth = trimmed.Length == 0 ? 0 : g.MeasureString(trimmed, last.Font).Width;
            width -= last.Width - trimmedWidth;
            if (trimmed.Length == 0)
            {
                current.RemoveAt(current.Count - 1);
            }
            else
            {
                current[^1] = new TextPiece(trimmed, last.Font, trimmedWidth);
            }
        }

        lines.Add(new TextLine(current.ToArray(), Math.Max(width, 0)));
        current.Clear();
        width = 0;
    }
}
