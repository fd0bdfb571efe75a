using Superposition.Reports.Content;

namespace Superposition.Reports.Tests.Content;

public sealed class TextModelTests
{
    [Fact]
    public void Markup_gives_bold_italic_and_monospace_runs()
    {
        var runs = Paragraph.FromMarkup("a **b** *c* `d` e*").Runs;
        Assert.Equal(
            [
                new TextRun("a "), new TextRun("b", TextStyle.Bold), new TextRun(" "), new TextRun("c", TextStyle.Italic),
                new TextRun(" "), new TextRun("d", TextStyle.Monospace), new TextRun(" e*"),
            ],
            runs);
    }

    [Fact]
    public void Escaped_asterisks_stay_literal()
    {
        Assert.Equal([new TextRun("D* and D* are "), new TextRun("equal", TextStyle.Italic)], Paragraph.FromMarkup(@"D\* and D\* are *equal*").Runs);
    }

    [Fact]
    public void Formula_splits_scripts_and_groups()
    {
        var runs = FormulaParser.Parse("λ_{max} ≥ x^2_i");
        Assert.Equal(
            [
                new FormulaRun("λ", ScriptPosition.Baseline), new FormulaRun("max", ScriptPosition.Subscript),
                new FormulaRun(" ≥ x", ScriptPosition.Baseline), new FormulaRun("2", ScriptPosition.Superscript),
                new FormulaRun("i", ScriptPosition.Subscript),
            ],
            runs);
    }

    [Fact]
    public void Formula_escaped_underscore_is_literal()
    {
        Assert.Equal([new FormulaRun("a_b", ScriptPosition.Baseline)], FormulaParser.Parse(@"a\_b"));
    }

    [Theory]
    [InlineData("λ_k", "λₖ")]
    [InlineData("n^{-1}", "n⁻¹")]
    [InlineData("W^T", "Wᵀ")]
    [InlineData("x_{ij}^2", "xᵢⱼ²")]
    [InlineData("μ_{bd}", "μ_{bd}")] // no subscript b or d in Unicode: kept as written
    [InlineData("plain", "plain")]
    public void Unicode_scripts(string tex, string expected) => Assert.Equal(expected, MathText.UnicodeScripts(tex));

    [Fact]
    public void Table_cells_use_the_column_format_and_pad_short_rows()
    {
        var table = new Table(
            [new TableColumn("a"), new TableColumn("b", ColumnAlignment.Right, "0.00"), new TableColumn("c")],
            [[TableCell.Of("x"), TableCell.Of(1.0 / 3)]]);
        Assert.Equal("x", table.CellText(0, 0));
        Assert.Equal("0.33", table.CellText(0, 1));
        Assert.Equal(string.Empty, table.CellText(0, 2));
    }

    [Fact]
    public void Table_row_longer_than_the_header_is_rejected()
    {
        var table = new Table([new TableColumn("a")], [["x", "y"]]);
        var ex = Assert.Throws<SuperpositionException>(() => table.CellText(0, 0));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
    }
}
