namespace Superposition.Reports.Content;

/// <summary>A paragraph of wrapped text made of styled runs.</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : Block
{
    /// <summary>
    /// Builds a paragraph from light markup: <c>**bold**</c>, <c>*italic*</c> and <c>`monospace`</c>
    /// (no nesting; an unmatched marker is kept as a literal character; <c>\*</c>, <c>\`</c>, <c>\\</c> are literal).
    /// </summary>
    public static Paragraph FromMarkup(string markup) => new(InlineMarkup.Parse(markup));

    /// <summary>A paragraph of plain text, no markup interpreted.</summary>
    public static Paragraph Plain(string text) => new([new TextRun(text)]);
}
