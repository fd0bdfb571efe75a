namespace Superposition.Reports.Content;

/// <summary>
/// A display line of mathematics in plain text with TeX-like scripts: <c>x_i</c>, <c>x^2</c>,
/// <c>λ_{max}</c>, <c>n^{-1/2}</c>. Use Unicode for symbols (λ μ κ α τ Σ ℓ ≤ ≥ × √).
/// </summary>
public sealed record Formula(string Text) : Block
{
    /// <summary>The text split into baseline, subscript and superscript runs.</summary>
    public IReadOnlyList<FormulaRun> Runs => FormulaParser.Parse(Text);
}
