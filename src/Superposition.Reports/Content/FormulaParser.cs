using System.Text;

namespace Superposition.Reports.Content;

/// <summary>
/// Splits TeX-like plain text into runs: <c>_x</c> / <c>^x</c> script one character, <c>_{...}</c> /
/// <c>^{...}</c> a group. One level only (scripts of scripts stay in the script). <c>\_</c> and <c>\^</c>
/// are literal.
/// </summary>
internal static class FormulaParser
{
    public static IReadOnlyList<FormulaRun> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<FormulaRun>();
        var baseline = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '_' or '^')
            {
                baseline.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if ((c == '_' || c == '^') && i + 1 < text.Length)
            {
                var position = c == '_' ? ScriptPosition.Subscript : ScriptPosition.Superscript;
                string script;
                if (text[i + 1] == '{')
                {
                    var close = text.IndexOf('}', i + 2);
                    if (close < 0)
                    {
                        close = text.Length;
                    }

                    script = text[(i + 2)..close];
                    i = Math.Min(close + 1, text.Length);
                }
                else
                {
                    // One text element, so a surrogate pair or combining mark stays whole.
                    var length = System.Globalization.StringInfo.GetNextTextElementLength(text, i + 1);
                    script = text.Substring(i + 1, length);
                    i += 1 + length;
                }

                Flush(baseline, runs);
                if (script.Length > 0)
                {
                    runs.Add(new FormulaRun(script, position));
                }

                continue;
            }

            baseline.Append(c);
            i++;
        }

        Flush(baseline, runs);
        return runs;
    }

    private static void Flush(StringBuilder baseline, List<FormulaRun> runs)
    {
        if (baseline.Length > 0)
        {
            runs.Add(new FormulaRun(baseline.ToString(), ScriptPosition.Baseline));
            baseline.Clear();
        }
    }
}
