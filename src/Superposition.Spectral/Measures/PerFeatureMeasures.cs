namespace Superposition.Spectral.Measures;

/// <summary>
/// Per-feature arrays over the live features (only with <see cref="AnalysisOptions.PerFeature"/>): entry j belongs
/// to input feature FeatureIndex[j]. Measures on eigenspaces unless the name says Binned.
/// </summary>
/// <param name="FeatureIndex">Input index of each entry.</param>
/// <param name="Norm">‖w_i‖.</param>
/// <param name="Dimensionality">D_i = ‖w_i‖² / κ_i.</param>
/// <param name="Leverage">ℓ_i.</param>
/// <param name="Slack">1 − D_i/ℓ_i in [0, 1].</param>
/// <param name="Interference">Σ_{j≠i} (ŵ_i·w_j)².</param>
/// <param name="Kappa">κ_i.</param>
/// <param name="Spread">s_i.</param>
/// <param name="CoefficientOfVariation">cv_i = s_i/κ_i.</param>
/// <param name="Q">q_i = max μ_i over eigenspaces.</param>
/// <param name="Entropy">H_i over eigenspaces (nats).</param>
/// <param name="EffectiveCount">exp(H_i).</param>
/// <param name="ParticipationRatio">PR_i over eigenspaces.</param>
/// <param name="DominantEigenspace">Index into <see cref="SpectrumResult.Eigenspaces"/> holding the largest mass.</param>
/// <param name="QBinned">q_i over the log bins.</param>
/// <param name="EntropyBinned">H_i over the log bins.</param>
/// <param name="ParticipationRatioBinned">PR_i over the log bins.</param>
public sealed record PerFeatureMeasures(
    IReadOnlyList<int> FeatureIndex,
    IReadOnlyList<double> Norm,
    IReadOnlyList<double> Dimensionality,
    IReadOnlyList<double> Leverage,
    IReadOnlyList<double> Slack,
    IReadOnlyList<double> Interference,
    IReadOnlyList<double> Kappa,
    IReadOnlyList<double> Spread,
    IReadOnlyList<double> CoefficientOfVariation,
    IReadOnlyList<double> Q,
    IReadOnlyList<double> Entropy,
    IReadOnlyList<double> EffectiveCount,
    IReadOnlyList<double> ParticipationRatio,
    IReadOnlyList<int> DominantEigenspace,
    IReadOnlyList<double> QBinned,
    IReadOnlyList<double> EntropyBinned,
    IReadOnlyList<double> ParticipationRatioBinned);
