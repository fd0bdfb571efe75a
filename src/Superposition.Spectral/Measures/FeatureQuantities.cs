using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Measures;

/// <summary>Per-feature superposition quantities (MATH.md section 2) derived from κ and ℓ.</summary>
internal sealed record FeatureQuantities(double[] Dimensionality, double[] Leverage, double[] Slack, double[] Interference)
{
    public static FeatureQuantities From(LiveFrame frame, FeatureMeasures measures, double[] leverage)
    {
        var n = frame.N;
        var dimensionality = new double[n];
        var slack = new double[n];
        var interference = new double[n];
        for (var i = 0; i < n; i++)
        {
            var norm2 = frame.NormSquared[i];
            var kappa = measures.Kappa[i];

            // D_i = ‖w‖⁴ / Σ_j (w_i·w_j)² = ‖w‖² / κ_i, because Σ_j (w_i·w_j)² = w_iᵀ F w_i (no Gram matrix).
            dimensionality[i] = norm2 / kappa;
            interference[i] = Math.Max(0.0, kappa - norm2);
            slack[i] = leverage[i] > 0 ? Math.Clamp(1.0 - (dimensionality[i] / leverage[i]), 0.0, 1.0) : 0.0;
        }

        return new FeatureQuantities(dimensionality, leverage, slack, interference);
    }
}
