using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Tests.Frames;

public sealed class FrameSpectrumTests
{
    [Fact]
    public void Consecutive_eigenvalues_within_tolerance_share_an_eigenspace_with_the_group_mean()
    {
        // Descending; rank 5 (the last two count as zero); tolerance 0.01.
        double[] values = [3.0, 2.995, 2.0, 1.0, 0.999, 0.0, 0.0];
        var (groups, groupOf) = FrameSpectrum.Group(values, rank: 5, tolerance: 0.01);

        Assert.Equal(4, groups.Length);
        Assert.Equal(new EigenGroup(0, 2, 2.9975, false), groups[0]);
        Assert.Equal(new EigenGroup(2, 1, 2.0, false), groups[1]);
        Assert.Equal(new EigenGroup(3, 2, 0.9995, false), groups[2]);
        Assert.Equal(new EigenGroup(5, 2, 0.0, true), groups[3]);
        Assert.Equal([0, 0, 1, 2, 2, 3, 3], groupOf);
    }

    [Fact]
    public void Bins_are_log_spaced_from_the_smallest_positive_to_the_largest_eigenspace()
    {
        double[] values = [100.0, 10.0, 1.0, 0.0];
        var (groups, groupOf) = FrameSpectrum.Group(values, rank: 3, tolerance: 1e-6);
        var (edges, binOf) = FrameSpectrum.Bin(groups, groupOf, bins: 4);

        // log10 edges 0, 0.5, 1, 1.5, 2.
        double[] expected = [1.0, Math.Sqrt(10), 10.0, Math.Sqrt(1000), 100.0];
        for (var b = 0; b < expected.Length; b++)
        {
            Assert.Equal(expected[b], edges[b], 1e-12);
        }

        Assert.Equal([3, 2, 0, -1], binOf);
    }

    [Fact]
    public void A_single_eigenspace_falls_into_the_first_bin()
    {
        double[] values = [1.5, 1.5];
        var (groups, groupOf) = FrameSpectrum.Group(values, rank: 2, tolerance: 1e-4);
        var (edges, binOf) = FrameSpectrum.Bin(groups, groupOf, bins: 60);

        Assert.Equal(61, edges.Length);
        Assert.All(edges, e => Assert.Equal(1.5, e));
        Assert.Equal([0, 0], binOf);
    }

    [Fact]
    public void Scores_of_a_measure_are_max_entropy_and_participation_ratio()
    {
        var (q, entropy, pr, argMax) = FeatureMeasures.Scores([0.25, 0.5, 0.25, 0]);

        Assert.Equal(0.5, q);
        Assert.Equal(1, argMax);
        Assert.Equal(-((0.5 * Math.Log(0.25)) + (0.5 * Math.Log(0.5))), entropy, 1e-15);
        Assert.Equal(1 / 0.375, pr, 1e-14);
    }
}
