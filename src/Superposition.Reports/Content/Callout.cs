namespace Superposition.Reports.Content;

/// <summary>A boxed remark that stands out from the text.</summary>
/// <param name="Kind">Sets the colour and the default title.</param>
/// <param name="Title">Shown in bold before the text; null uses the kind's name.</param>
/// <param name="Runs">The body text.</param>
public sealed record Callout(CalloutKind Kind, string? Title, IReadOnlyList<TextRun> Runs) : Block
{
    public static Callout FromMarkup(CalloutKind kind, string markup, string? title = null) =>
        new(kind, title, InlineMarkup.Parse(markup));

    /// <summary>The title to show: the given one, or "Note", "Warning", "Finding".</summary>
    public string DisplayTitle => Title ?? Kind switch
    {
        CalloutKind.Warning => "Warning",
        CalloutKind.Finding => "Finding",
        _ => "Note",
    };
}

/// <summary>What a callout is about.</summary>
public enum CalloutKind
{
    Note,
    Warning,
    Finding,
}
