using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.Measures;

public sealed class SummaryTests
{
    [Fact]
    public void Summary_has_mean_population_deviation_and_interpolated_percentiles()
    {
        // Sorted 1..11: p10 at position 1 → 2, median 6, p90 at position 9 → 10.
        var s = Summary.Of(Enumerable.Range(1, 11).Select(i => (double)(12 - i)).ToArray());

        Assert.Equal(11, s.Count);
        Assert.Equal(6, s.Mean);
        Assert.Equal(Math.Sqrt(10), s.StandardDeviation, 1e-14);
        Assert.Equal(1, s.Min);
        Assert.Equal(2, s.P10, 1e-14);
        Assert.Equal(6, s.Median);
        Assert.Equal(10, s.P90, 1e-14);
        Assert.Equal(11, s.Max);
        Assert.Equal(66, s.Sum);
    }

    [Fact]
    public void Percentiles_interpolate_between_order_statistics()
    {
        var s = Summary.Of([0.0, 1.0]);

        Assert.Equal(0.1, s.P10, 1e-15);
        Assert.Equal(0.5, s.Median, 1e-15);
        Assert.Equal(0.9, s.P90, 1e-15);
    }
}
