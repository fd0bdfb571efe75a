namespace Superposition.Spectral.Measures;

/// <summary>The eigenspace grouping a result used (MATH.md section 3).</summary>
/// <param name="Method">"gaps" (relative gaps, the default) or "fixed" (one tolerance times λ_max).</param>
/// <param name="Tolerance">EigenspaceTolerance: differences up to this times λ_max always merge (fixed: the whole rule).</param>
/// <param name="GapRatio">Gaps: a run's log-gaps to its neighbours must be at least this times its spread; null for fixed.</param>
/// <param name="MaxSpread">Gaps: largest spread ln(λ_first/λ_last) of one eigenspace; null for fixed.</param>
/// <param name="Eigenspaces">Positive eigenspaces formed (the null space not counted).</param>
/// <param name="LargestSpread">Largest ln(λ_first/λ_last) inside one positive eigenspace (0 when all are exact).</param>
/// <param name="SmallestBoundaryGap">Smallest ln(λ_k/λ_{k+1}) between two positive eigenspaces; null with one eigenspace.</param>
/// <param name="Description">The rule and these numbers in words (the report's line).</param>
public sealed record EigenspaceGroupingResult(
    string Method,
    double Tolerance,
    double? GapRatio,
    double? MaxSpread,
    int Eigenspaces,
    double LargestSpread,
    double? SmallestBoundaryGap,
    string Description);

/// <summary>The localized share of the live features under one eigenspace grouping (the sensitivity table).</summary>
/// <param name="Grouping">"gaps" or "fixed".</param>
/// <param name="Tolerance">The fixed tolerance (share of λ_max); for "gaps" its rounding tolerance.</param>
/// <param name="Eigenspaces">Positive eigenspaces under this grouping.</param>
/// <param name="LocalizedFeatures">Live features with q ≥ LocalizedThreshold under this grouping.</param>
/// <param name="LocalizedShare">LocalizedFeatures / live features.</param>
/// <param name="Used">True for the grouping the rest of the result uses.</param>
public sealed record GroupingSensitivityRow(
    string Grouping,
    double Tolerance,
    int Eigenspaces,
    int LocalizedFeatures,
    double LocalizedShare,
    bool Used);
