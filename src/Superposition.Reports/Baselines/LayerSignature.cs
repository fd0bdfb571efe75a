using Superposition.Spectral.Models;

namespace Superposition.Reports.Baselines;

/// <summary>
/// The scale-free summary of a frame that real layers and toy models are compared on: features per dimension,
/// capacity ratio Σ D_i / m, localized share, tightness, and the distribution of log10 D_i on fixed bins
/// (D_i = ‖w_i‖⁴ / Σ_j (w_i·w_j)² does not depend on the weights' scale; D* = m/‖W‖_F² does, so it is not used).
/// </summary>
public sealed record LayerSignature(
    double FeaturesPerDimension,
    double CapacityRatio,
    double LocalizedFraction,
    double Tightness,
    double MedianD,
    IReadOnlyList<double> LogDHistogram)
{
    /// <summary>Edges of the log10 D histogram: D from 1e-4 to 10^0.2 in 42 bins (toy fractions fall inside).</summary>
    public static IReadOnlyList<double> LogDEdges { get; } = Enumerable.Range(0, 43).Select(i => -4.0 + (i * 0.1)).ToArray();

    public static LayerSignature From(LayerAnalysis layer)
    {
        var a = layer.Analysis;
        var d = a.PerFeature?.Dimensionality
            ?? throw Fail.Internal($"layer '{layer.Name}' was analysed without per-feature measures; baseline comparison needs them");
        return new LayerSignature(
            layer.Features / (double)layer.Hidden,
            a.Capacity.CapacityRatio,
            a.Localization.OnEigenspaces.LocalizedFraction,
            a.Geometry.Tightness,
            a.Capacity.Dimensionality.Median,
            Histogram(d));
    }

    /// <summary>Share of features per log10 D bin (values outside the range go to the end bins).</summary>
    public static double[] Histogram(IReadOnlyList<double> dimensionality)
    {
        int bins = LogDEdges.Count - 1;
        var shares = new double[bins];
        if (dimensionality.Count == 0) return shares;
        foreach (double value in dimensionality)
        {
            double x = Math.Log10(Math.Max(value, 1e-12));
            int bin = (int)Math.Floor((x - LogDEdges[0]) / 0.1);
            shares[Math.Clamp(bin, 0, bins - 1)] += 1.0 / dimensionality.Count;
        }

        return shares;
    }

    /// <summary>
    /// Distance between two signatures: earth mover's distance between the log10 D distributions (in decades),
    /// plus the absolute differences of capacity ratio and localized share, plus the difference of log10(1 + τ).
    /// Each term is about 0..1 for the frames met in practice; 0 means the same regime.
    /// </summary>
    public double DistanceTo(LayerSignature other)
    {
        double emd = 0, carried = 0;
        for (int i = 0; i < LogDHistogram.Count; i++)
        {
            carried += LogDHistogram[i] - other.LogDHistogram[i];
            emd += Math.Abs(carried) * 0.1;
        }

        return emd
            + Math.Abs(CapacityRatio - other.CapacityRatio)
            + Math.Abs(LocalizedFraction - other.LocalizedFraction)
            + Math.Abs(Math.Log10(1 + Tightness) - Math.Log10(1 + other.Tightness));
    }
}
