namespace Superposition.Reports.Content;

/// <summary>
/// A table with a header row. In the PDF it may span pages; the header is repeated on each page.
/// Rows shorter than the column list are padded with empty cells; longer rows are an error.
/// </summary>
/// <param name="Columns">Header text, alignment and number format of each column.</param>
/// <param name="Rows">The cells, row by row.</param>
/// <param name="Caption">Shown above the table, optional.</param>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows, string? Caption = null)
    : Block
{
    /// <summary>The display text of cell (row, column), with the column's number format applied.</summary>
    public string CellText(int row, int column)
    {
        var cells = Rows[row];
        if (cells.Count > Columns.Count)
        {
            throw Fail.InvalidArgument("table row " + row, cells.Count + " cells", "at most " + Columns.Count + " cells");
        }

        return column < cells.Count ? cells[column].Format(Columns[column].NumberFormat) : string.Empty;
    }

    /// <summary>The table without its <see cref="TableColumn.InteractiveOnly"/> columns (itself when it has none),
    /// for outputs on paper.</summary>
    public Table ForPrint()
    {
        if (!Columns.Any(c => c.InteractiveOnly))
        {
            return this;
        }

        var keep = Enumerable.Range(0, Columns.Count).Where(c => !Columns[c].InteractiveOnly).ToArray();
        var rows = Rows.Select(cells => (IReadOnlyList<TableCell>)keep.Where(c => c < cells.Count).Select(c => cells[c]).ToArray()).ToArray();
        return this with { Columns = keep.Select(c => Columns[c]).ToArray(), Rows = rows };
    }
}

/// <summary>A table column.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Alignment">Horizontal alignment of the cells (default: left for text; use Right for numbers).</param>
/// <param name="NumberFormat">.NET format string for numeric cells (invariant culture), e.g. "0.000" or "G4";
/// null means <see cref="NumberFormat.Compact"/>.</param>
/// <param name="RelativeWidth">Share of the table width relative to the other columns (default 1).</param>
/// <param name="NoWrap">
/// True: a cell never breaks across lines (numbers, shapes, op names); the column is as wide as its widest cell and
/// the wrapping columns give way. Default false (cells wrap at spaces, and within a word only when it is wider
/// than the column).
/// </param>
public sealed record TableColumn(
    string Header,
    ColumnAlignment Alignment = ColumnAlignment.Left,
    string? NumberFormat = null,
    double RelativeWidth = 1.0,
    bool NoWrap = false)
{
    /// <summary>How an interactive output (HTML) lets the reader filter rows by this column (default: not at all).
    /// The PDF ignores it.</summary>
    public ColumnFilter Filter { get; init; } = ColumnFilter.None;

    /// <summary>Shown only where the reader can sort and filter (HTML); the PDF leaves the column out, so a column
    /// that exists to be filtered by does not narrow the printed table.</summary>
    public bool InteractiveOnly { get; init; }
}

/// <summary>A filter control for a table column in interactive outputs.</summary>
public enum ColumnFilter
{
    /// <summary>No control.</summary>
    None,

    /// <summary>A search box: rows whose cell text contains the typed text (ignoring case).</summary>
    Text,

    /// <summary>A choice among the column's values (a cell's <see cref="TableCell.Tags"/>, else its text).</summary>
    Choice,
}

/// <summary>Horizontal alignment of a table column.</summary>
public enum ColumnAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A table cell: text, or a number that the column formats.</summary>
public sealed record TableCell
{
    private TableCell(string? text, double? number)
    {
        Text = text;
        Number = number;
    }

    public string? Text { get; }

    public double? Number { get; }

    public static TableCell Of(string text) => new(text, null);

    public static TableCell Of(double number) => new(null, number);

    /// <summary>Id of the <see cref="Section.Anchor"/> the cell links to (interactive outputs); null for none.</summary>
    public string? Link { get; init; }

    /// <summary>Values a <see cref="ColumnFilter.Choice"/> filter matches this cell by (a cell may carry
    /// several, e.g. a list of findings); null: the cell text.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The number the cell sorts by when its text is not one (e.g. "480 × 120"); null: the cell's number,
    /// else the leading number of its text, else the text.</summary>
    public double? SortKey { get; init; }

    public static implicit operator TableCell(string text) => Of(text);

    public static implicit operator TableCell(double number) => Of(number);

    /// <summary>Text as given, or the number formatted with <paramref name="format"/> (null: compact).</summary>
    public string Format(string? format) =>
        Text ?? (Number is { } x ? Reports.NumberFormat.Format(x, format) : string.Empty);
}
