using Superposition.Reports.Baselines;

namespace Superposition.Reports.Tests.Baselines;

public sealed class LayerSignatureTests
{
    private static LayerSignature PointMass(int bin, double capacity = 1, double localized = 0, double tau = 0, double c = 0)
    {
        var h = new double[LayerSignature.ScaledDEdges.Count - 1];
        h[bin] = 1;
        return new LayerSignature(2, capacity, localized, tau, c, 1, h);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Regular_polygon_is_tight_every_scaled_dimensionality_is_one_and_coherence_sits_on_the_welch_bound(int k)
    {
        // MATH.md §3: a tight frame of k unit vectors in 2 dims has D_i = 2/k (so D_i·n/m = 1), τ = 0, ΣD/m = 1,
        // and mean cos² equal to the Welch value (k−2)/(2(k−1)).
        var s = LayerSignature.From(TestFrames.Analyze("polygon", k, 2, TestFrames.Polygon(k)));
        Assert.Equal(k / 2.0, s.FeaturesPerDimension, 12);
        Assert.Equal(1.0, s.CapacityRatio, 9);
        Assert.Equal(0.0, s.Tightness, 9);
        Assert.Equal(0.0, s.CoherenceExcess, 9);
        Assert.Equal(1.0, s.MedianScaledD, 9);
        int unitBin = (int)Math.Round(3.0 / LayerSignature.BinWidth); // log10(1) = 0 sits 3 decades above the first edge
        Assert.Equal(1.0, s.ScaledDHistogram[unitBin], 12);
    }

    [Theory]
    [InlineData(400, 10, 1)]
    [InlineData(600, 20, 2)]
    public void Random_gaussian_directions_have_coherence_excess_near_one(int n, int m, int seed)
    {
        // E[cos²] = 1/m for independent isotropic directions, the "1" end of the coherence scale.
        var s = LayerSignature.From(TestFrames.Analyze("gaussian", n, m, TestFrames.Gaussian(n, m, seed)));
        Assert.InRange(s.CoherenceExcess, 0.85, 1.15);
    }

    [Fact]
    public void Dead_features_count_as_zero_dimensionality_in_the_first_bin()
    {
        // Two orthonormal features plus two zero columns in R²: D = 1, 1, dead, dead; n/m = 2, so D·n/m = 2, 2, 0, 0.
        double[] w = [1, 0, 0, 1, 0, 0, 0, 0];
        var s = LayerSignature.From(TestFrames.Analyze("half dead", 4, 2, w));
        Assert.Equal(0.5, s.ScaledDHistogram[0], 12);
        int bin2 = (int)Math.Floor((Math.Log10(2) + 3) / LayerSignature.BinWidth);
        Assert.Equal(0.5, s.ScaledDHistogram[bin2], 12);
        Assert.Equal(1.0, s.MedianScaledD, 12); // median of 0, 0, 2, 2
    }

    [Theory]
    [InlineData(10, 20, 1.0)]
    [InlineData(10, 15, 0.5)]
    [InlineData(30, 30, 0.0)]
    public void Dimensionality_term_is_the_earth_movers_distance_in_decades(int a, int b, double decades)
    {
        Assert.Equal(decades, PointMass(a).TermsTo(PointMass(b)).Dimensionality, 12);
        Assert.Equal(decades, PointMass(a).DistanceTo(PointMass(b)), 12);
    }

    [Fact]
    public void Each_scalar_term_is_the_stated_difference()
    {
        var terms = PointMass(5, capacity: 0.8, localized: 0.1, tau: 9, c: 1).TermsTo(PointMass(5, capacity: 0.3, localized: 0.6, tau: 0, c: 0));
        Assert.Equal(0.5, terms.Capacity, 12);
        Assert.Equal(0.5, terms.Localized, 12);
        Assert.Equal(1.0, terms.Tightness, 12);            // log10(1 + 9) − log10(1)
        Assert.Equal(Math.Log10(2), terms.Coherence, 12);  // log10(1 + 1) − log10(1)
        Assert.Equal(1.5 + Math.Log10(2), terms.Total, 12); // the localized term is reported, not summed
    }

    [Fact]
    public void Halfway_interpolation_mixes_histograms_and_averages_scalars()
    {
        var mid = PointMass(10, capacity: 1).Lerp(PointMass(20, capacity: 0), 0.5);
        Assert.Equal(0.5, mid.CapacityRatio, 12);
        Assert.Equal(0.5, mid.ScaledDHistogram[10], 12);
        Assert.Equal(0.5, mid.ScaledDHistogram[20], 12);
        Assert.Equal(1.0, mid.DistanceTo(PointMass(10, capacity: 1)), 12); // half the mass one decade away (0.5) plus |Δ ΣD/m| = 0.5
    }
}
