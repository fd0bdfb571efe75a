namespace Superposition.Spectral.Measures;

/// <summary>Frame geometry (MATH.md section 3).</summary>
/// <param name="FrobeniusNormSquared">‖W‖_F² = tr F.</param>
/// <param name="Tightness">τ = m Σλ² / (Σλ)² − 1 (0 iff tight).</param>
/// <param name="FramePotential">FP = Σ λ² = ‖F‖_F².</param>
/// <param name="FramePotentialLowerBound">(tr F)² / m, attained iff tight.</param>
/// <param name="IsTight">τ below 1e-9.</param>
public sealed record FrameGeometryResult(
    double FrobeniusNormSquared,
    double Tightness,
    double FramePotential,
    double FramePotentialLowerBound,
    bool IsTight);
