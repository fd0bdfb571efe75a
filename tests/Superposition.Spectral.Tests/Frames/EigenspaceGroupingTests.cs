using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>Gap-based grouping of a descending spectrum (MATH.md section 3), against groupings read off by hand.</summary>
public sealed class EigenspaceGroupingTests
{
    private static int[] Sizes(double[] values, int? rank = null, double ratio = 10, double spread = 0.1)
    {
        var (groups, _) = FrameSpectrum.GroupByGaps(values, rank ?? values.Length, 1e-4 * values[0], ratio, spread);
        return groups.Where(g => !g.IsNull).Select(g => g.Count).ToArray();
    }

    [Fact]
    public void Exact_degeneracy_is_one_eigenspace()
    {
        Assert.Equal([2], Sizes([2.5, 2.5 - 1e-15]));
        Assert.Equal([3], Sizes([4.0 / 3, 4.0 / 3, 4.0 / 3]));
    }

    [Fact]
    public void A_trained_pentagon_two_percent_apart_is_one_eigenspace_with_gaps_and_two_with_the_fixed_tolerance()
    {
        double[] values = [2.525, 2.475];
        Assert.Equal([2], Sizes(values));
        var (fixedGroups, _) = FrameSpectrum.Group(values, 2, 1e-4 * values[0]);
        Assert.Equal(2, fixedGroups.Length);
    }

    [Fact]
    public void Near_degenerate_runs_separated_by_large_gaps_are_found()
    {
        // Three runs of spread ≤ 1%, log-gaps between them ≥ 0.5: 10·spread < gap everywhere.
        double[] values = [10.0, 9.95, 9.9, 3.01, 3.0, 1.0];
        Assert.Equal([3, 2, 1], Sizes(values));
    }

    [Fact]
    public void A_run_is_split_when_its_spread_is_not_small_against_its_neighbours()
    {
        // Spread ln(1.05) ≈ 0.049 inside {1.05, 1.0}, gap to 0.8 is ln(1.25) ≈ 0.22 < 10 × 0.049: no eigenspace there.
        Assert.Equal([1, 1, 1], Sizes([1.05, 1.0, 0.8]));
        // With ratio 4 the same run counts as one eigenspace.
        Assert.Equal([2, 1], Sizes([1.05, 1.0, 0.8], ratio: 4));
    }

    [Theory]
    [InlineData(5, 1.2)]
    [InlineData(40, 1.2)]
    [InlineData(200, 1.02)]
    public void A_geometric_spectrum_has_no_degeneracy(int count, double ratio)
    {
        // Equal log-gaps: no run is much tighter than its neighbours (all values above the 1e-4·λ_max rounding floor).
        var values = Enumerable.Range(0, count).Select(k => Math.Pow(ratio, -k)).ToArray();
        Assert.All(Sizes(values), s => Assert.Equal(1, s));
    }

    [Fact]
    public void A_run_next_to_the_null_space_needs_only_the_spread_bound_there()
    {
        // {2.02, 2.0} then zeros: the only neighbour gap is the null space's (infinite).
        Assert.Equal([2], Sizes([2.02, 2.0, 0, 0], rank: 2));
        Assert.Equal([1, 1], Sizes([2.5, 2.0, 0, 0], rank: 2)); // spread ln 1.25 > 0.1
    }

    [Fact]
    public void Grouping_report_states_the_rule_and_its_numbers()
    {
        var (_, _, report) = FrameSpectrum.Partition([10.0, 9.95, 9.9, 3.01, 3.0, 1.0], 6, Superposition.Spectral.Measures.AnalysisOptions.Default);
        Assert.Equal("gaps", report.Method);
        Assert.Equal(3, report.Eigenspaces);
        Assert.Equal(Math.Log(10.0 / 9.9), report.LargestSpread, 1e-12);
        Assert.Equal(Math.Log(3.0), report.SmallestBoundaryGap!.Value, 1e-12);
        Assert.Contains("relative gaps", report.Description, StringComparison.Ordinal);
    }
}
