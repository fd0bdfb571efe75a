using System.Text;

namespace Superposition.Reports.Content;

/// <summary>
/// Plain-text maths for places that draw a single run of text (chart titles and axis labels, table cells,
/// key/value lists): TeX-like scripts become Unicode sub/superscript characters, which DejaVu Sans has.
/// <see cref="Formula"/> blocks do not need this; they typeset scripts themselves.
/// </summary>
public static class MathText
{
    private const string SuperFrom = "0123456789+-−=()abcdefghijklmnoprstuvwxyzT";
    private const string SuperTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ";
    private const string SubFrom = "0123456789+-−=()aehijklmnoprstuvx";
    private const string SubTo = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";

    /// <summary>
    /// "λ_k" → "λₖ", "x^2" → "x²", "n^{-1}" → "n⁻¹", "W^T" → "Wᵀ". A script containing a character with no
    /// Unicode script form (subscript 'b', 'c', 'd', 'f', 'g', 'q', 'w', 'y', 'z' and capitals; superscript 'q'
    /// and capitals other than T) is kept as written, e.g. "μ_{bd}", so nothing is lost.
    /// </summary>
    public static string UnicodeScripts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var run in FormulaParser.Parse(text))
        {
            if (run.Position == ScriptPosition.Baseline)
            {
                result.Append(run.Text);
                continue;
            }

            var (from, to, marker) = run.Position == ScriptPosition.Superscript ? (SuperFrom, SuperTo, '^') : (SubFrom, SubTo, '_');
            var converted = Convert(run.Text, from, to);
            result.Append(converted ?? (run.Text.Length == 1 ? marker + run.Text : marker + "{" + run.Text + "}"));
        }

        return result.ToString();
    }

    private static string? Convert(string script, string from, string to)
    {
        var builder = new StringBuilder(script.Length);
        foreach (var c in script)
        {
            var index = from.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            builder.Append(to[index]);
        }

        return builder.ToString();
    }
}
