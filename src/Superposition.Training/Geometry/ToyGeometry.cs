using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Training.Geometry;

/// <summary>
/// Superposition measures of a trained toy W (MATH.md sections 2–3), taken from the Spectral engine
/// (<see cref="FrameAnalyzer"/>, managed backend, double precision) so each quantity has one home: norms ‖w_i‖,
/// D_i = ‖w_i‖²/κ_i (= ‖w_i‖⁴ / Σ_j (w_i·w_j)²; 0 for dead features, ‖w_i‖² ≤ 1e-14), D* = m/‖W‖_F², tightness
/// τ = m Σλ²/(Σλ)² − 1. The shuffle null of the heavy-tail fit is switched off: the toy measures do not use it.
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

    private static readonly AnalysisOptions Options = new() { PerFeature = true, HeavyTail = new HeavyTailOptions { ShuffleNull = false } };

    /// <summary>Features with ‖w_i‖ above <paramref name="threshold"/>.</summary>
    public int Represented(double threshold = DefaultRepresentedThreshold) => Norms.Count(v => v > threshold);

    /// <summary>Measures of W given m×n row-major (<c>w[k·n + i]</c>). Dead features get D_i = 0.</summary>
    public static ToyGeometry Of(IReadOnlyList<float> w, int m, int n)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Count != m * n) throw Fail.InvalidArgument("W", w.Count, $"{m}×{n} = {m * n} entries");

        // FrameInput is column-major: feature i is the contiguous slice [i·m, (i+1)·m).
        var columns = new double[m * n];
        var norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = 0; k < m; k++)
            {
                double v = w[(k * n) + i];
                columns[(i * m) + k] = v;
                s += v * v;
            }

            norms[i] = Math.Sqrt(s);
        }

        var dims = new double[n];
        if (norms.All(v => v * v <= Options.DeadFeatureNormSquared)) return new ToyGeometry(norms, dims, double.PositiveInfinity, double.NaN, 0);
        var a = FrameAnalyzer.Analyze(new FrameInput("toy W", m, n, columns), Options, LinearAlgebraBackends.Create(BackendChoice.Managed));
        var per = a.PerFeature!;
        for (int j = 0; j < per.FeatureIndex.Count; j++) dims[per.FeatureIndex[j]] = per.Dimensionality[j];
        return new ToyGeometry(norms, dims, a.Capacity.DimensionsPerFeature, a.Geometry.Tightness, a.Geometry.FrobeniusNormSquared);
    }
}
