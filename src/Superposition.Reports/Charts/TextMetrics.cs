namespace Superposition.Reports.Charts;

/// <summary>
/// Text width estimate used by the chart layout, which has no font at hand. Average advance widths of
/// DejaVu Sans (the report font) per em: digits 0.636, lower case ~0.56, upper case ~0.68; bold ~8 % wider.
/// Slight overestimates keep labels from colliding.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double size, bool bold = false)
    {
        double ems = 0;
        foreach (var c in text)
        {
            ems += c switch
            {
                >= '0' and <= '9' => 0.64,
                '.' or ',' or ':' or ';' or 'i' or 'l' or 'j' or '|' or '\'' => 0.32,
                ' ' => 0.32,
                '-' or '(' or ')' or '[' or ']' or 'f' or 't' or 'r' => 0.4,
                >= 'A' and <= 'Z' => 0.7,
                'm' or 'w' or 'M' or 'W' => 0.9,
                _ => 0.6,
            };
        }

        return ems * size * (bold ? 1.08 : 1.0);
    }

    /// <summary>
    /// Offset from the anchor point to the alphabetic baseline, along the text's "down" direction, so every
    /// renderer places text identically: DejaVu Sans cap height is 0.73 em, descent 0.24 em.
    /// </summary>
    public static double BaselineOffset(TextBaseline baseline, double size) => baseline switch
    {
        TextBaseline.Top => 0.73 * size,
        TextBaseline.Middle => 0.36 * size,
        _ => -0.24 * size,
    };

    /// <summary>Offset from the anchor point to the text start along the text direction.</summary>
    public static double AnchorOffset(TextAnchor anchor, double width) => anchor switch
    {
        TextAnchor.Middle => -width / 2,
        TextAnchor.End => -width,
        _ => 0,
    };
}
