namespace Superposition.Reports.Content;

/// <summary>A piece of a formula on the baseline, lowered (subscript) or raised (superscript).</summary>
public sealed record FormulaRun(string Text, ScriptPosition Position);

/// <summary>Vertical position of a formula run.</summary>
public enum ScriptPosition
{
    Baseline,
    Subscript,
    Superscript,
}
