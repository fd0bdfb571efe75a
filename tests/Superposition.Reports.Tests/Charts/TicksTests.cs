using Superposition.Reports.Charts;

namespace Superposition.Reports.Tests.Charts;

// Expected ticks are hand computed from the 1-2-5 rule (step = smallest of 1, 2, 5 x 10^k >= range / (target - 1)).
public sealed class TicksTests
{
    [Fact]
    public void Linear_zero_to_one_gives_steps_of_a_fifth()
    {
        var ticks = Ticks.Linear(0, 1, 6);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], ticks.Major);
        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1"], ticks.Labels);
        Assert.Equal((0.0, 1.0), (ticks.Min, ticks.Max));
    }

    [Fact]
    public void Linear_range_widens_to_the_enclosing_ticks()
    {
        // raw step 0.74 / 5 = 0.148 -> 0.2, so [0.13, 0.87] becomes [0, 1].
        var ticks = Ticks.Linear(0.13, 0.87, 6);
        Assert.Equal((0.0, 1.0), (ticks.Min, ticks.Max));
    }

    [Fact]
    public void Linear_negative_to_positive_uses_step_five()
    {
        // raw step 15.9 / 4 = 3.975 -> 5.
        var ticks = Ticks.Linear(-3.7, 12.2, 5);
        Assert.Equal([-5, 0, 5, 10, 15], ticks.Major);
    }

    [Fact]
    public void Linear_millions_get_compact_labels()
    {
        var ticks = Ticks.Linear(1e6, 3.5e6, 6);
        Assert.Equal(["1M", "1.5M", "2M", "2.5M", "3M", "3.5M"], ticks.Labels);
    }

    [Fact]
    public void Linear_fixed_ends_are_kept_and_ticks_stay_inside()
    {
        var ticks = Ticks.Linear(0.05, 0.95, 6, expandLo: false, expandHi: false);
        Assert.Equal((0.05, 0.95), (ticks.Min, ticks.Max));
        Assert.Equal([0.2, 0.4, 0.6, 0.8], ticks.Major);
    }

    [Fact]
    public void Linear_minor_ticks_fall_between_majors()
    {
        var ticks = Ticks.Linear(0, 1, 6); // step 0.2 (mantissa 2): four minor intervals of 0.05
        Assert.Equal(15, ticks.Minor.Count); // 21 multiples of 0.05 in [0, 1] minus the 6 majors
        Assert.DoesNotContain(0.4, ticks.Minor);
    }

    [Theory]
    [InlineData(0.148, 0.2)]
    [InlineData(3.975, 5)]
    [InlineData(7, 10)]
    [InlineData(1, 1)]
    [InlineData(0.001, 0.001)]
    [InlineData(2.0000000001, 2)] // within the stated 1e-9 slack
    public void Nice_step_rounds_up_to_one_two_or_five(double raw, double expected) =>
        Assert.Equal(expected, Ticks.NiceStep(raw), 12);

    [Fact]
    public void Log_decades_from_milli_to_hundred()
    {
        var ticks = Ticks.Log10(1e-3, 1e2, 7);
        Assert.Equal([1e-3, 1e-2, 1e-1, 1, 10, 100], ticks.Major);
        Assert.Equal(["1e-3", "0.01", "0.1", "1", "10", "100"], ticks.Labels);

        // 2..9 x 10^k for the five decades 1e-3 .. 1e1.
        Assert.Equal(40, ticks.Minor.Count);
        Assert.Contains(2e-3, ticks.Minor);
        Assert.Contains(90.0, ticks.Minor);
    }

    [Fact]
    public void Log_range_widens_to_whole_decades()
    {
        var ticks = Ticks.Log10(0.004, 37, 7);
        Assert.Equal(1e-3, ticks.Min, 15);
        Assert.Equal(1e2, ticks.Max, 12);
    }

    [Fact]
    public void Log_many_decades_label_every_fourth()
    {
        // 24 decades, at most 7 labels: stride ceil(24 / 6) = 4.
        var ticks = Ticks.Log10(1e-12, 1e12, 7);
        Assert.Equal([1e-12, 1e-8, 1e-4, 1, 1e4, 1e8, 1e12], ticks.Major);
        Assert.Equal(18, ticks.Minor.Count); // the other 25 - 7 decades, no 2..9 marks
    }

    [Fact]
    public void Log_range_inside_one_decade_gets_value_ticks()
    {
        // No power of ten in [2, 5]: decade ticks would give no label at all.
        var ticks = Ticks.Log10(2, 5, 7);
        Assert.Equal([2, 3, 4, 5], ticks.Major);
        Assert.True(ticks.Min < 2 && ticks.Max > 5);
    }

    [Fact]
    public void Log_fixed_range_keeps_its_ends()
    {
        var ticks = Ticks.Log10(3, 300, 7, expandLo: false, expandHi: false);
        Assert.Equal((3.0, 300.0), (ticks.Min, ticks.Max));
        Assert.Equal([10, 100], ticks.Major);
        Assert.Contains(3.0, ticks.Minor);
        Assert.Contains(300.0, ticks.Minor);
    }

    [Fact]
    public void Labels_gain_digits_until_distinct()
    {
        var labels = Ticks.Labels([1.0001, 1.0002, 1.0003]);
        Assert.Equal(["1.0001", "1.0002", "1.0003"], labels);
    }

    [Fact]
    public void Linear_ticks_are_ordered_and_cover_random_ranges()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var lo = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7));
            // Widths down to 1e-6 of |lo|: narrower ranges are below what double precision can tick.
            var hi = lo + Math.Max(random.NextDouble() * Math.Pow(10, random.Next(-6, 7)), (1e-6 * Math.Abs(lo)) + 1e-9);
            var ticks = Ticks.Linear(lo, hi, 6);
            // Ticks.Eps: a value within 1e-9 of a step from a tick counts as on it (invisible on any page).
            var slack = 1e-9 * (ticks.Max - ticks.Min);
            Assert.True(ticks.Min <= lo + slack && ticks.Max >= hi - slack, $"[{lo}, {hi}] not covered by [{ticks.Min}, {ticks.Max}]");
            Assert.InRange(ticks.Major.Count, 2, 11);
            Assert.True(ticks.Major.Zip(ticks.Major.Skip(1)).All(p => p.First < p.Second));
            Assert.True(ticks.Labels.Count == ticks.Labels.Distinct().Count(), "labels not distinct: " + string.Join(" ", ticks.Labels));
        }
    }
}
