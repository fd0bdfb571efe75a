namespace Superposition.Spectral.Measures;

/// <summary>
/// Heavy-tailed self-regularization statistics (MATH.md section 4) of the eigenvalues of WᵀW on the smaller side:
/// M of them, N ≥ M, Q = N/M, raw (no 1/N scaling).
/// </summary>
/// <param name="M">Smaller side: min(m, n).</param>
/// <param name="N">Larger side: max(m, n) (dead features included: they are part of the weight matrix).</param>
/// <param name="Q">N / M.</param>
/// <param name="EigenvalueFloor">Eigenvalues at or below this were dropped before the fit.</param>
/// <param name="EigenvaluesAboveFloor">How many remained.</param>
/// <param name="PowerLaw">The power-law tail fit.</param>
/// <param name="LogNorm">log10 Σλ.</param>
/// <param name="LogSpectralNorm">log10 λ_max.</param>
/// <param name="AlphaWeighted">α log10 λ_max; null when the fit failed.</param>
/// <param name="LogAlphaNorm">log10 Σ λ^α (eigenvalues above the floor); null when the fit failed.</param>
/// <param name="StableRank">Σλ / λ_max.</param>
/// <param name="SpectralEntropy">−Σ p ln p / ln(rank), p = λ/Σλ over the nonzero eigenvalues; null when rank is 1.</param>
/// <param name="EffectiveRank">exp(−Σ p ln p), p = σ/Σσ.</param>
/// <param name="MarchenkoPastur">The Marchenko-Pastur null.</param>
/// <param name="Shuffle">The shuffled-weights null; null when disabled.</param>
/// <param name="Quality">"over-fit" (α &lt; 2), "under-trained" (α &gt; 6) or "typical"; null when the fit failed.</param>
/// <param name="QualityReason">Why <paramref name="Quality"/> is what it is (or null).</param>
public sealed record HeavyTailResult(
    int M,
    int N,
    double Q,
    double EigenvalueFloor,
    int EigenvaluesAboveFloor,
    PowerLawFit PowerLaw,
    double LogNorm,
    double LogSpectralNorm,
    double? AlphaWeighted,
    double? LogAlphaNorm,
    double StableRank,
    double? SpectralEntropy,
    double EffectiveRank,
    MarchenkoPasturResult MarchenkoPastur,
    ShuffleNullResult? Shuffle,
    string? Quality,
    string QualityReason);
