namespace Superposition.Spectral.Measures;

/// <summary>
/// Localization of the per-feature spectral measure μ_i (MATH.md section 1), once on eigenspaces (the primary,
/// basis-free definition) and once on the log bins (for real spectra where nothing is exactly degenerate).
/// κ, spread and cv do not depend on the partition and are reported once.
/// </summary>
/// <param name="OnEigenspaces">Scores with μ on the eigenspaces of F (the null space counts as one cell).</param>
/// <param name="OnBins">Scores with μ on the log bins (the null space counts as one more cell).</param>
/// <param name="Kappa">κ_i = w_iᵀ F w_i / ‖w_i‖², the mean of the measure (≥ ‖w_i‖² exactly; rounding below it is clamped).</param>
/// <param name="Spread">s_i = sqrt(Σ λ² p − κ²), computed as sqrt(Σ p (λ − κ)²) (no cancellation on flat spectra).</param>
/// <param name="CoefficientOfVariation">cv_i = s_i / κ_i.</param>
/// <param name="NullSpaceMass">Mass of each feature on eigenvalues counted as zero (normally rounding-small).</param>
public sealed record LocalizationResult(
    LocalizationScores OnEigenspaces,
    LocalizationScores OnBins,
    Summary Kappa,
    Summary Spread,
    Summary CoefficientOfVariation,
    Summary NullSpaceMass);

/// <summary>Localization scores of the measure on one partition of the spectrum.</summary>
/// <param name="Cells">Number of cells of the partition.</param>
/// <param name="Q">q_i = max μ_i (1 = fully localized).</param>
/// <param name="Entropy">H_i = −Σ μ ln μ (nats).</param>
/// <param name="EffectiveCount">n_eff = exp(H_i).</param>
/// <param name="ParticipationRatio">PR_i = 1 / Σ μ².</param>
/// <param name="LocalizedCount">Features with q ≥ LocalizedThreshold.</param>
/// <param name="LocalizedFraction">LocalizedCount over live features.</param>
public sealed record LocalizationScores(
    int Cells,
    Summary Q,
    Summary Entropy,
    Summary EffectiveCount,
    Summary ParticipationRatio,
    int LocalizedCount,
    double LocalizedFraction);
