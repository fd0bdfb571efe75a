namespace Superposition.Reports.Content;

/// <summary>A piece of text in one style.</summary>
public sealed record TextRun(string Text, TextStyle Style = TextStyle.Regular);

/// <summary>Inline text styles. Monospace ignores bold/italic.</summary>
[Flags]
public enum TextStyle
{
    Regular = 0,
    Bold = 1,
    Italic = 2,
    Monospace = 4,
}
