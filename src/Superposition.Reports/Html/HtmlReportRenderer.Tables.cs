using System.Globalization;
using System.Text;
using Superposition.Reports.Content;

namespace Superposition.Reports.Html;

/// <summary>
/// Data tables: every column sortable by a click on its header (the page script), filter controls above the table
/// for the columns that ask for them, links from cells to sections, and a scrolling frame for long tables.
/// </summary>
public sealed partial class HtmlReportRenderer
{
    /// <summary>Tables longer than this scroll inside a frame with a sticky header instead of stretching the page.</summary>
    private const int LongTableRows = 30;

    /// <summary>A choice filter lists at most this many values (more would be a search box's job).</summary>
    private const int MaxChoices = 60;

    private static void WriteTable(StringBuilder html, Table table, PageState page)
    {
        var id = "t" + page.NextTable().ToString(CultureInfo.InvariantCulture);
        // The caption stays outside the scrolling frame, so a narrow window shows all of it.
        if (table.Caption is not null)
        {
            html.Append("<p class=\"table-caption\" id=\"").Append(id).Append("-caption\">").Append(E(table.Caption)).Append("</p>\n");
        }

        WriteFilters(html, table, id);
        html.Append("<div class=\"table-wrap").Append(table.Rows.Count > LongTableRows ? " long" : string.Empty).Append("\">\n")
            .Append("<table class=\"data\" id=\"").Append(id).Append('"');
        if (table.Caption is not null)
        {
            html.Append(" aria-describedby=\"").Append(id).Append("-caption\"");
        }

        html.Append(">\n");

        html.Append("<thead><tr>");
        foreach (var column in table.Columns)
        {
            // The header is a button so that sorting works from the keyboard too; aria-sort tells the current order.
            html.Append("<th scope=\"col\"").Append(Align(column.Alignment)).Append(" aria-sort=\"none\"><button type=\"button\">")
                .Append(E(column.Header)).Append("</button></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            html.Append("<tr");
            if (page.Links.RowId(table, r) is { } rowId)
            {
                html.Append(" id=\"").Append(rowId).Append('"');
            }

            html.Append('>');
            var cells = table.Rows[r];
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = c < cells.Count ? cells[c] : null;
                html.Append("<td").Append(Align(table.Columns[c].Alignment));
                if ((cell?.SortKey ?? cell?.Number) is { } key)
                {
                    html.Append(" data-v=\"").Append(SortValue(key)).Append('"');
                }

                if (cell?.Tags is { } tags)
                {
                    html.Append(" data-tags=\"").Append(E(string.Join("|", tags))).Append('"');
                }

                html.Append('>');
                var text = E(table.CellText(r, c));
                html.Append(cell?.Link is { } link ? $"<a href=\"#{link}\">{text}</a>" : text).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void WriteFilters(StringBuilder html, Table table, string tableId)
    {
        var filtered = table.Columns.Select((column, index) => (column, index)).Where(x => x.column.Filter != ColumnFilter.None).ToList();
        if (filtered.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"filters\" data-table=\"").Append(tableId).Append("\" role=\"search\">\n");
        foreach (var (column, index) in filtered)
        {
            var label = E(column.Header);
            var choices = column.Filter == ColumnFilter.Choice ? Choices(table, index) : null;
            html.Append("<label>").Append(label).Append(' ');
            if (choices is not null && choices.Count <= MaxChoices)
            {
                html.Append(CultureInfo.InvariantCulture, $"<select data-col=\"{index}\" data-match=\"tag\"><option value=\"\">all</option>");
                foreach (var choice in choices)
                {
                    html.Append("<option>").Append(E(choice)).Append("</option>");
                }

                html.Append("</select>");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<input type=\"search\" data-col=\"{index}\" data-match=\"text\" placeholder=\"contains…\" autocomplete=\"off\">");
            }

            html.Append("</label>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<span class=\"count\" aria-live=\"polite\">{table.Rows.Count} of {table.Rows.Count} rows</span>\n</div>\n");
    }

    /// <summary>The distinct values a choice filter offers: the cells' tags (or texts), sorted.</summary>
    private static List<string> Choices(Table table, int column)
    {
        var values = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cell = column < table.Rows[r].Count ? table.Rows[r][column] : null;
            foreach (var value in cell?.Tags ?? [table.CellText(r, column)])
            {
                if (value.Length > 0)
                {
                    values.Add(value);
                }
            }
        }

        return [.. values];
    }

    private static string SortValue(double key) =>
        double.IsNaN(key) ? string.Empty : double.IsPositiveInfinity(key) ? "Infinity" : double.IsNegativeInfinity(key) ? "-Infinity" : key.ToString("R", CultureInfo.InvariantCulture);

    private static string Align(ColumnAlignment alignment) => alignment switch
    {
        ColumnAlignment.Right => " class=\"r\"",
        ColumnAlignment.Center => " class=\"c\"",
        _ => string.Empty,
    };
}
