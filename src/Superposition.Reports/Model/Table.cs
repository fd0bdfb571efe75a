namespace Superposition.Reports.Model;

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
    bool NoWrap = false);

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

    public static implicit operator TableCell(string text) => Of(text);

    public static implicit operator TableCell(double number) => Of(number);

    /// <summary>Text as given, or the number formatted with <paramref name="format"/> (null: compact).</summary>
    public string Format(string? format) =>
        Text ?? (Number is { } x ? Reports.NumberFormat.Format(x, format) : string.Empty);
}
