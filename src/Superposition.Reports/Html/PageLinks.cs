using System.Globalization;
using Superposition.Reports.Content;

namespace Superposition.Reports.Html;

/// <summary>
/// The page's anchors: an id per section (its <see cref="Section.Anchor"/> or a number), and for each section a
/// table row links to, the id of that row, so the section can link back to it.
/// </summary>
internal sealed class PageLinks
{
    private readonly Dictionary<Table, Dictionary<int, string>> _rowIds = new(ReferenceEqualityComparer.Instance);

    private PageLinks(IReadOnlyList<string> sectionIds)
    {
        SectionIds = sectionIds;
    }

    /// <summary>Id of each section, in document order.</summary>
    public IReadOnlyList<string> SectionIds { get; }

    /// <summary>Section id → id of the first table row that links to it.</summary>
    public Dictionary<string, string> BackLinks { get; } = new(StringComparer.Ordinal);

    public static PageLinks Resolve(Document doc)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < doc.Sections.Count; s++)
        {
            var anchor = doc.Sections[s].Anchor;
            if (anchor is not null && !IsValidId(anchor))
            {
                throw Fail.InvalidArgument("section anchor", anchor, "letters, digits, '-' and '_', starting with a letter");
            }

            var id = anchor ?? "s" + s.ToString(CultureInfo.InvariantCulture);
            if (!seen.Add(id))
            {
                throw Fail.InvalidArgument("section anchor", id, "an id no other section has");
            }

            ids.Add(id);
        }

        var links = new PageLinks(ids);
        foreach (var table in doc.Sections.SelectMany(s => s.Blocks).OfType<Table>())
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                foreach (var target in table.Rows[r].Select(c => c.Link).OfType<string>())
                {
                    if (!seen.Contains(target))
                    {
                        throw Fail.InvalidArgument("table link", target, "the anchor of a section of the document");
                    }

                    if (!links.BackLinks.ContainsKey(target))
                    {
                        var rowId = "row-" + target;
                        links.BackLinks[target] = rowId;
                        if (!links._rowIds.TryGetValue(table, out var rows))
                        {
                            links._rowIds[table] = rows = [];
                        }

                        rows[r] = rowId;
                    }
                }
            }
        }

        return links;
    }

    /// <summary>The id of row <paramref name="row"/> of <paramref name="table"/>, when a section links back to it.</summary>
    public string? RowId(Table table, int row) =>
        _rowIds.TryGetValue(table, out var rows) && rows.TryGetValue(row, out var id) ? id : null;

    private static bool IsValidId(string id) =>
        id.Length > 0 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
