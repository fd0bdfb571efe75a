namespace Superposition.Reports.Content;

/// <summary>
/// A report, independent of any output format: renderers (PDF, HTML) turn it into bytes.
/// Immutable: build it once from analysis records, render it as often as needed.
/// </summary>
/// <param name="Title">Shown on the first page and in every page header.</param>
/// <param name="Metadata">Key/value pairs shown under the title (tool version, model file, backend...),
/// in the order given.</param>
/// <param name="Sections">The body, in reading order.</param>
public sealed record Document(string Title, IReadOnlyList<KeyValueItem> Metadata, IReadOnlyList<Section> Sections)
{
    /// <summary>A document with no metadata.</summary>
    public Document(string title, params Section[] sections)
        : this(title, [], sections)
    {
    }
}

/// <summary>A titled part of the document; its title is rendered as a level-1 heading.</summary>
public sealed record Section(string Title, IReadOnlyList<Block> Blocks)
{
    public Section(string title, params Block[] blocks)
        : this(title, (IReadOnlyList<Block>)blocks)
    {
    }

    /// <summary>A stable id that table cells link to (<see cref="TableCell.Link"/>); letters, digits, '-' and '_'
    /// only. Null: the renderer numbers the section.</summary>
    public string? Anchor { get; init; }
}
