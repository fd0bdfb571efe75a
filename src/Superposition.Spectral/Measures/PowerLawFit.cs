namespace Superposition.Spectral.Measures;

/// <summary>
/// Power-law fit of the tail: for every candidate x_min, α = 1 + n / Σ ln(λ/x_min), D_KS = max_j |1 − (λ_j/x_min)^(1−α) − j/n|
/// with j = 0..n−1 over the ascending tail; the smallest D_KS wins. Which values are candidates is <see cref="XMinRule"/>.
/// </summary>
/// <param name="Succeeded">True when a fit was made.</param>
/// <param name="Reason">Why it failed; null on success.</param>
/// <param name="Alpha">Exponent α.</param>
/// <param name="XMin">Selected x_min.</param>
/// <param name="KsDistance">D_KS of the selected fit.</param>
/// <param name="Sigma">σ_α = (α − 1)/sqrt(n).</param>
/// <param name="TailSize">n, the eigenvalues ≥ x_min.</param>
public sealed record PowerLawFit(
    bool Succeeded,
    string? Reason,
    double? Alpha,
    double? XMin,
    double? KsDistance,
    double? Sigma,
    int? TailSize)
{
    /// <summary>"weightwatcher" (every eigenvalue but the largest is a candidate) or "minimum-tail".</summary>
    public string XMinRule { get; init; } = "weightwatcher";

    /// <summary>Candidate x_min values examined (0 when the fit failed before the search).</summary>
    public int Candidates { get; init; }

    /// <summary>True when the selected tail is shorter than HeavyTailOptions.LowConfidenceTail.</summary>
    public bool LowConfidence { get; init; }

    /// <summary>"low confidence: tail of n eigenvalues (fewer than k)" when <see cref="LowConfidence"/>, else null.</summary>
    public string? ConfidenceNote { get; init; }
}
