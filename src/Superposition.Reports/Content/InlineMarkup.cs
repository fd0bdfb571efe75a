using System.Text;

namespace Superposition.Reports.Content;

/// <summary>Parses the light inline markup of <see cref="Paragraph.FromMarkup"/>.</summary>
internal static class InlineMarkup
{
    public static IReadOnlyList<TextRun> Parse(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var runs = new List<TextRun>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < markup.Length)
        {
            // A backslash makes the next marker character literal: D\* prints D*.
            if (markup[i] == '\\' && i + 1 < markup.Length && markup[i + 1] is '*' or '`' or '\\')
            {
                plain.Append(markup[i + 1]);
                i += 2;
                continue;
            }

            var (marker, style) = MarkerAt(markup, i);
            if (marker is not null)
            {
                var close = markup.IndexOf(marker, i + marker.Length, StringComparison.Ordinal);
                if (close > i + marker.Length)
                {
                    Flush(plain, runs);
                    runs.Add(new TextRun(markup[(i + marker.Length)..close], style));
                    i = close + marker.Length;
                    continue;
                }
            }

            plain.Append(markup[i]);
            i++;
        }

        Flush(plain, runs);
        return runs;
    }

    private static (string? Marker, TextStyle Style) MarkerAt(string s, int i) =>
        s[i] switch
        {
            '`' => ("`", TextStyle.Monospace),
            '*' when i + 1 < s.Length && s[i + 1] == '*' => ("**", TextStyle.Bold),
            '*' => ("*", TextStyle.Italic),
            _ => (null, TextStyle.Regular),
        };

    private static void Flush(StringBuilder plain, List<TextRun> runs)
    {
        if (plain.Length > 0)
        {
            runs.Add(new TextRun(plain.ToString()));
            plain.Clear();
        }
    }
}
