namespace Superposition.Reports.Charts;

/// <summary>Caption text shared by all renderers.</summary>
internal static class ChartCaption
{
    /// <summary>Caption followed by the chart's data notes, so skipped values are never silent.</summary>
    public static string Compose(string? caption, IReadOnlyList<string> notes)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(caption))
        {
            parts.Add(caption.Trim());
        }

        parts.AddRange(notes);
        return string.Join(" ", parts);
    }
}
