namespace Superposition.Spectral.Analysis;

/// <summary>
/// Power-law fit of the tail: for every candidate x_min (tails of at least MinTailSize), α = 1 + n / Σ ln(λ/x_min),
/// D_KS = max_j |1 − (λ_j/x_min)^(1−α) − j/n| with j = 0..n−1 over the ascending tail; the smallest D_KS wins.
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
    int? TailSize);
