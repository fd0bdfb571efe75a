namespace Superposition.Spectral.Measures;

/// <summary>How consecutive eigenvalues of F are grouped into eigenspaces (MATH.md sections 1 and 3).</summary>
public enum EigenspaceGrouping
{
    /// <summary>By relative gaps in the sorted spectrum: a run is one eigenspace when its gaps to its neighbours are much larger than its spread. Default.</summary>
    Gaps,

    /// <summary>Consecutive eigenvalues within AnalysisOptions.EigenspaceTolerance · λ_max (the rule before gap grouping).</summary>
    Fixed,
}
