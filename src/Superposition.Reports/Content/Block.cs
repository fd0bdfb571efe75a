namespace Superposition.Reports.Content;

/// <summary>One vertical element of a section. Renderers switch on the concrete type.</summary>
public abstract record Block;

/// <summary>A heading inside a section. Level 2 or 3 (level 1 is the section title); other values are clamped.</summary>
public sealed record Heading(string Text, int Level = 2) : Block;

/// <summary>Forces the next block onto a new page (PDF); a visual separator in HTML.</summary>
public sealed record PageBreak : Block;
