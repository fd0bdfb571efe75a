using System.Text;

namespace Superposition.Reports.Html;

/// <summary>
/// Escapes text for HTML and SVG content and attribute values. Only the five markup characters are
/// replaced; everything else stays literal UTF-8 (WebUtility.HtmlEncode would turn ×, ² and friends into
/// numeric entities, which is valid but makes the page source unreadable).
/// </summary>
internal static class Markup
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
