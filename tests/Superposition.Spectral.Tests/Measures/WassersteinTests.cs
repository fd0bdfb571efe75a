using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>W₁ on the line against values worked out by hand (the area between the two cumulative distribution functions).</summary>
public sealed class WassersteinTests
{
    [Fact]
    public void Two_point_masses_are_their_distance_apart()
    {
        Assert.Equal(1.0, Wasserstein.OnLine([0.0], [1.0], [1.0], [1.0]), 15);
        Assert.Equal(Math.Log(4), Wasserstein.OnLine([0.0], [1.0], [Math.Log(4)], [1.0]), 15);
        Assert.Equal(2.5, Wasserstein.OnLine([3.0], [1.0], [0.5], [1.0]), 15);
    }

    [Fact]
    public void Moving_part_of_the_mass_costs_that_part_times_the_distance()
    {
        // ½δ0 + ½δ1 against δ1: half the mass travels 1.
        Assert.Equal(0.5, Wasserstein.OnLine([0.0, 1.0], [0.5, 0.5], [1.0], [1.0]), 15);
        // Uniform on {0, 1, 2} against uniform on {1, 2, 3}: a shift by 1.
        Assert.Equal(1.0, Wasserstein.OnLine([0.0, 1.0, 2.0], [1.0, 1.0, 1.0], [1.0, 2.0, 3.0], [1.0, 1.0, 1.0]), 14);
        // (0.2, 0.8) on {0, 2} against (0.6, 0.4) on {1, 2}: F_A − F_B is 0.2 on [0, 1), 0.2 − 0.6 on [1, 2): 0.2 + 0.4 = 0.6.
        Assert.Equal(0.6, Wasserstein.OnLine([0.0, 2.0], [0.2, 0.8], [1.0, 2.0], [0.6, 0.4]), 14);
    }

    [Fact]
    public void Masses_are_normalised_so_only_their_proportions_count_and_equal_measures_are_zero_apart()
    {
        Assert.Equal(0.5, Wasserstein.OnLine([0.0, 1.0], [3.0, 3.0], [1.0], [7.0]), 15);
        Assert.Equal(0.0, Wasserstein.OnLine([-2.0, 0.5, 4.0], [0.1, 0.3, 0.6], [-2.0, 0.5, 4.0], [0.1, 0.3, 0.6]));
    }

    [Fact]
    public void Is_symmetric_and_at_least_the_difference_of_the_means_on_seeded_measures()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var (x, a) = Measure(random, 1 + random.Next(12));
            var (y, b) = Measure(random, 1 + random.Next(12));
            double forward = Wasserstein.OnLine(x, a, y, b), backward = Wasserstein.OnLine(y, b, x, a);
            Assert.Equal(forward, backward, 12);
            Assert.True(forward >= Math.Abs(Mean(x, a) - Mean(y, b)) - 1e-12, $"W₁ {forward} below the mean difference");
        }
    }

    [Fact]
    public void Rejects_unsorted_positions_negative_masses_and_empty_measures()
    {
        Assert.Throws<SuperpositionException>(() => Wasserstein.OnLine([1.0, 0.0], [0.5, 0.5], [0.0], [1.0]));
        Assert.Throws<SuperpositionException>(() => Wasserstein.OnLine([0.0], [-1.0], [0.0], [1.0]));
        Assert.Throws<SuperpositionException>(() => Wasserstein.OnLine([], [], [0.0], [1.0]));
        Assert.Throws<SuperpositionException>(() => Wasserstein.OnLine([0.0], [0.0], [0.0], [1.0]));
    }

    private static (double[] Positions, double[] Masses) Measure(Random random, int count)
    {
        var positions = Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 10) - 5).Order().ToArray();
        return (positions, Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray());
    }

    private static double Mean(double[] x, double[] w) => x.Zip(w, (p, m) => p * m).Sum() / w.Sum();
}
