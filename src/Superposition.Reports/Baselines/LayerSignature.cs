using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Baselines;

/// <summary>
/// The scale-free summary of a frame that real layers, toy models and null models are compared on. None of its
/// statistics depends on the weights' scale, and none on m for a fixed n/m in the regimes met here, so a toy with
/// m capped (and the same n/m) can be compared with a wide layer:
/// the distribution of D_i·n/m (1 for every feature of a tight frame of equal norms; dead features count as D = 0),
/// the capacity ratio ΣD/m, the localized share, the tightness τ, and the mean squared coherence placed between the
/// Welch bound (0) and random directions (1/m: 1). See docs/methods.md, "Toy placement".
/// </summary>
/// <param name="FeaturesPerDimension">n/m (not in the distance: baselines are built with the same n/m).</param>
/// <param name="CapacityRatio">ΣD/m.</param>
/// <param name="LocalizedFraction">Share of live features localized in one eigenspace.</param>
/// <param name="Tightness">τ = m Σλ² / (Σλ)² − 1.</param>
/// <param name="CoherenceExcess">(mean cos² − Welch²) / (1/m − Welch²); 0 for a unit-norm tight frame, about 1 for random directions.</param>
/// <param name="MedianScaledD">Median of D_i·n/m over all n features (dead ones as 0).</param>
/// <param name="ScaledDHistogram">Share of the n features per bin of log10(D_i·n/m) on <see cref="ScaledDEdges"/>.</param>
public sealed record LayerSignature(
    double FeaturesPerDimension,
    double CapacityRatio,
    double LocalizedFraction,
    double Tightness,
    double CoherenceExcess,
    double MedianScaledD,
    IReadOnlyList<double> ScaledDHistogram)
{
    /// <summary>Width of one histogram bin, in decades.</summary>
    public const double BinWidth = 0.1;

    /// <summary>Edges of the log10(D_i·n/m) histogram: 10^−3 to 10^2 in 50 bins; values outside go to the end bins.</summary>
    public static IReadOnlyList<double> ScaledDEdges { get; } = Enumerable.Range(0, 51).Select(i => -3.0 + (i * BinWidth)).ToArray();

    public static LayerSignature From(LayerAnalysis layer) => From(layer.Analysis);

    public static LayerSignature From(FrameAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var d = a.PerFeature?.Dimensionality
            ?? throw Fail.Internal($"frame '{a.Name}' was analysed without per-feature measures; baseline comparison needs them");
        int n = a.FeatureCount, m = a.HiddenDimensions;
        double scale = n / (double)m;
        var scaled = d.Select(x => x * scale).Concat(Enumerable.Repeat(0.0, a.DeadFeatures.Count)).ToArray();
        return new LayerSignature(scale, a.Capacity.CapacityRatio, a.Localization.OnEigenspaces.LocalizedFraction, a.Geometry.Tightness,
            CoherenceExcessOf(a.Coherence), Median(scaled), Histogram(scaled));
    }

    /// <summary>
    /// (mean cos² − Welch²) / (1/m − Welch²), with Welch² = max(0, (n−m)/(m(n−1))). Equals n·τ̂/(m−1) for the unit-normalised
    /// frame's tightness τ̂ when n &gt; m (MATH.md §3), so random directions give about 1. Zero when undefined (m = 1, n &lt; 2).
    /// </summary>
    public static double CoherenceExcessOf(CoherenceResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        double span = c.RandomMeanSquared - c.WelchBoundMeanSquared;
        if (c.MeanSquaredCoherence is not double mean || span <= 1e-15) return 0;
        return Math.Max(0, (mean - c.WelchBoundMeanSquared) / span);
    }

    /// <summary>Share of values per log10 bin of <see cref="ScaledDEdges"/> (zero and tiny values go to the first bin).</summary>
    public static double[] Histogram(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int bins = ScaledDEdges.Count - 1;
        var shares = new double[bins];
        foreach (double value in values)
        {
            double x = Math.Log10(Math.Max(value, 1e-12));
            int bin = (int)Math.Floor(((x - ScaledDEdges[0]) / BinWidth) + 1e-9); // an exact edge (D·n/m = 1) counts above it
            shares[Math.Clamp(bin, 0, bins - 1)] += 1.0 / values.Count;
        }

        return shares;
    }

    /// <summary>The distance to <paramref name="other"/>: the sum of <see cref="TermsTo"/>.</summary>
    public double DistanceTo(LayerSignature other) => TermsTo(other).Total;

    /// <summary>
    /// The distance's terms, each about 0..1 for the frames met in practice, 0 for the same regime: earth mover's distance
    /// between the log10(D_i·n/m) distributions (in decades), |Δ ΣD/m|, |Δ log10(1 + τ)| and |Δ log10(1 + coherence excess)|.
    /// |Δ localized share| is reported but not summed: the share depends on the eigenspace-grouping rule (gap grouping
    /// merges a trained toy's near-degenerate eigenvalues or not), and with it in the sum the recovery test placed an
    /// 18 × 3 toy trained at p = 0.3 at p = 0.115.
    /// </summary>
    public SignatureTerms TermsTo(LayerSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double emd = 0, carried = 0;
        for (int i = 0; i < ScaledDHistogram.Count; i++)
        {
            carried += ScaledDHistogram[i] - other.ScaledDHistogram[i];
            emd += Math.Abs(carried) * BinWidth;
        }

        return new SignatureTerms(
            emd,
            Math.Abs(CapacityRatio - other.CapacityRatio),
            Math.Abs(LocalizedFraction - other.LocalizedFraction),
            Math.Abs(Math.Log10(1 + Tightness) - Math.Log10(1 + other.Tightness)),
            Math.Abs(Math.Log10(1 + CoherenceExcess) - Math.Log10(1 + other.CoherenceExcess)));
    }

    /// <summary>The signature a share <paramref name="t"/> of the way from this one to <paramref name="other"/> (mixture of histograms, scalars interpolated).</summary>
    public LayerSignature Lerp(LayerSignature other, double t)
    {
        ArgumentNullException.ThrowIfNull(other);
        double L(double a, double b) => a + (t * (b - a));
        return new LayerSignature(L(FeaturesPerDimension, other.FeaturesPerDimension), L(CapacityRatio, other.CapacityRatio),
            L(LocalizedFraction, other.LocalizedFraction), L(Tightness, other.Tightness), L(CoherenceExcess, other.CoherenceExcess),
            L(MedianScaledD, other.MedianScaledD), ScaledDHistogram.Zip(other.ScaledDHistogram, L).ToArray());
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The terms of a signature distance.</summary>
public sealed record SignatureTerms(double Dimensionality, double Capacity, double Localized, double Tightness, double Coherence)
{
    /// <summary>The distance: every term but <see cref="Localized"/> (see <see cref="LayerSignature.TermsTo"/>).</summary>
    public double Total => Dimensionality + Capacity + Tightness + Coherence;
}
