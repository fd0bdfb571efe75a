using Superposition.Reports.Diff;
using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

/// <summary>Whether a layer's localized clusters and polytopes survive a change, on constructed frames worked out by hand.</summary>
public sealed class GeometrySurvivalTests
{
    private const string Int8 = "dequantized (q − zero point) · scale (test)";

    [Fact]
    public void A_pentagon_against_itself_survived()
    {
        var pentagon = Polygon(5);
        var geometry = Compare(2, 5, pentagon, pentagon).Geometry!;
        Assert.Equal(GeometrySurvival.Survived, geometry.Verdict);
        var match = Assert.Single(geometry.Matches);
        Assert.Equal("pentagon", match.TemplateA);
        Assert.Equal("kept", match.Outcome);
    }

    /// <summary>Symmetric int8 codes (127 levels a side) move each coordinate by at most max|w|/254 ≈ 0.004: the cosines stay within the 0.02 tolerance.</summary>
    [Fact]
    public void A_pentagon_quantized_to_int8_survived_and_the_noise_reference_has_the_quantizations_size()
    {
        var pentagon = Polygon(5);
        var diff = Compare(2, 5, pentagon, Quantize(pentagon, 127), Int8);
        Assert.True(diff.Quantized);
        Assert.Equal(GeometrySurvival.Survived, diff.Geometry!.Verdict);
        Assert.Equal("pentagon", diff.Geometry.Matches.Single().TemplateB);
        var noise = diff.NoiseReference!;
        Assert.Equal(diff.RelativeFrobeniusChange!.Value, noise.RelativeSize, 1e-12);
        Assert.Equal(diff.Measures.Select(m => m.Name), noise.Measures.Select(m => m.Name));
        Assert.InRange(noise.RelativeSize, 1e-4, 1e-2);
    }

    /// <summary>
    /// Ternary codes (one level a side, scale max|w| = 1) turn the pentagon (cos 72°k, sin 72°k) into (1, 0), (0, 1),
    /// (−1, 1), (−1, −1), (0, −1). Then F = diag(3, 4): features 2 and 5 sit wholly in λ = 4 (a digon), feature 1 alone in
    /// λ = 3, features 3 and 4 split half and half (not localized). The pentagon's best match is the digon {1, 4},
    /// Jaccard 2/5 = 0.4 &lt; 0.5: lost.
    /// </summary>
    [Fact]
    public void A_pentagon_quantized_to_three_levels_lost_its_geometry()
    {
        var pentagon = Polygon(5);
        var ternary = Quantize(pentagon, 1);
        Assert.Equal([1, 0, 0, 1, -1, 1, -1, -1, 0, -1], ternary);
        var geometry = Compare(2, 5, pentagon, ternary, Int8).Geometry!;
        Assert.Equal(GeometrySurvival.Lost, geometry.Verdict);
        var match = Assert.Single(geometry.Matches);
        Assert.Equal([1, 4], match.MatchMembers);
        Assert.Equal("digon", match.TemplateB);
        Assert.Equal(0.4, match.Overlap, 1e-12);
    }

    /// <summary>
    /// Two orthogonal digons of different lengths, ±(1, 0) and ±(0, 2): F = diag(2, 8), one digon per eigenspace. Shrinking
    /// the second to ±(0, 1.02) makes F = diag(2, 2.08), one eigenspace (ln 1.04 ≈ 0.04 below the 0.1 grouping spread): a
    /// single square cluster of four. Each digon shares half of it (Jaccard 2/4 = 0.5): changed, not lost.
    /// </summary>
    [Fact]
    public void Two_orthogonal_digons_merging_into_a_square_changed()
    {
        double[] a = [1, 0, -1, 0, 0, 2, 0, -2];
        double[] b = [1, 0, -1, 0, 0, 1.02, 0, -1.02];
        var geometry = Compare(2, 4, a, b).Geometry!;
        Assert.Equal(2, geometry.ClustersA);
        Assert.Equal(1, geometry.ClustersB);
        Assert.Equal(GeometrySurvival.Changed, geometry.Verdict);
        Assert.All(geometry.Matches, m => Assert.Equal(0.5, m.Overlap, 1e-12));
        Assert.All(geometry.Matches, m => Assert.Equal("digon", m.TemplateA));
    }

    [Fact]
    public void Frames_without_localized_clusters_have_no_clusters_to_compare()
    {
        var w = Gaussian(8, 30, new Random(8));
        Assert.Equal(GeometrySurvival.NoClusters, Compare(8, 30, w, w).Geometry!.Verdict);
    }
}
