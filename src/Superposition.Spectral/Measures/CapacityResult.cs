namespace Superposition.Spectral.Measures;

/// <summary>Superposition measures (MATH.md section 2) and the capacity identity.</summary>
/// <param name="Dimensionality">D_i = ‖w_i‖² / κ_i (never via the n × n Gram).</param>
/// <param name="SumDimensionality">Σ D_i.</param>
/// <param name="DimensionsPerFeature">D* = m / ‖W‖_F².</param>
/// <param name="CapacityRatio">Σ D_i / m.</param>
/// <param name="RankCapacityRatio">Σ D_i / r.</param>
/// <param name="Leverage">ℓ_i = Σ_{k &lt; r} V_ik² from a thin SVD.</param>
/// <param name="SumLeverage">Σ ℓ_i (equals r up to rounding).</param>
/// <param name="LeverageMethod">How V was obtained.</param>
/// <param name="Slack">1 − D_i/ℓ_i, clamped to [0, 1] (0 when ℓ_i = 0: a feature in the numerical null space).</param>
/// <param name="Interference">Σ_{j≠i} (ŵ_i·w_j)² = κ_i − ‖w_i‖².</param>
/// <param name="IdentityLeft">m − Σ D_i.</param>
/// <param name="IdentityRight">(m − r) + Σ (ℓ_i − D_i).</param>
/// <param name="IdentityResidual">|left − right| (a self-check, expected below 1e-9).</param>
/// <param name="Saturated">Σ D_i within 1e-6 · m of m.</param>
public sealed record CapacityResult(
    Summary Dimensionality,
    double SumDimensionality,
    double DimensionsPerFeature,
    double CapacityRatio,
    double RankCapacityRatio,
    Summary Leverage,
    double SumLeverage,
    string LeverageMethod,
    Summary Slack,
    Summary Interference,
    double IdentityLeft,
    double IdentityRight,
    double IdentityResidual,
    bool Saturated)
{
    /// <summary>Scale-free D* = m · mean ‖w_i‖² / ‖W‖_F² (features rescaled to mean unit norm; equals m/n over live features).
    /// D* itself depends on the weights' scale; this one is comparable across layers and with toys.</summary>
    public double DimensionsPerFeatureScaleFree { get; init; }
}
