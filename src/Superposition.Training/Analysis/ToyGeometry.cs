namespace Superposition.Training.Analysis;

/// <summary>
/// Superposition measures of a trained toy W computed directly in double precision (MATH.md sections 2–3),
/// independent of the Spectral engine: norms ‖w_i‖, D_i = ‖w_i‖⁴ / Σ_j (w_i·w_j)² (= ‖w_i‖²/(w_iᵀ F w_i)),
/// D* = m/‖W‖_F², tightness τ = m·tr(F²)/tr(F)² − 1 (= m Σλ²/(Σλ)² − 1, no eigendecomposition needed).
/// </summary>
public sealed record ToyGeometry(
    IReadOnlyList<double> Norms,
    IReadOnlyList<double> Dimensionality,
    double DimensionsPerFeature,
    double TightnessResidual,
    double FrobeniusSquared)
{
    /// <summary>Default threshold on ‖w_i‖ above which a feature counts as represented: 0.5.</summary>
    public const double DefaultRepresentedThreshold = 0.5;

    /// <summary>Features with ‖w_i‖ above <paramref name="threshold"/>.</summary>
    public int Represented(double threshold = DefaultRepresentedThreshold) => Norms.Count(v => v > threshold);

    /// <summary>Measures of W given m×n row-major (<c>w[k·n + i]</c>). Dead features (‖w_i‖² ≤ 1e-14) get D_i = 0.</summary>
    public static ToyGeometry Of(IReadOnlyList<float> w, int m, int n)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Count != m * n) throw Fail.InvalidArgument("W", w.Count, $"{m}×{n} = {m * n} entries");
        var f = new double[m * m];
        var norms2 = new double[n];
        var col = new double[m];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < m; k++) col[k] = w[(k * n) + i];
            for (int k = 0; k < m; k++)
            {
                norms2[i] += col[k] * col[k];
                for (int l = 0; l < m; l++) f[(k * m) + l] += col[k] * col[l];
            }
        }

        double trace = 0, trace2 = 0;
        for (int k = 0; k < m; k++) trace += f[(k * m) + k];
        for (int j = 0; j < m * m; j++) trace2 += f[j] * f[j];

        var dims = new double[n];
        var norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            norms[i] = Math.Sqrt(norms2[i]);
            if (norms2[i] <= 1e-14) continue;
            double quad = 0; // w_iᵀ F w_i = Σ_j (w_i·w_j)²
            for (int k = 0; k < m; k++)
            {
                double fk = 0;
                for (int l = 0; l < m; l++) fk += f[(k * m) + l] * w[(l * n) + i];
                quad += w[(k * n) + i] * fk;
            }

            dims[i] = norms2[i] * norms2[i] / quad;
        }

        double tau = trace > 0 ? (m * trace2 / (trace * trace)) - 1.0 : double.NaN;
        double dStar = trace > 0 ? m / trace : double.PositiveInfinity;
        return new ToyGeometry(norms, dims, dStar, tau, trace);
    }
}
