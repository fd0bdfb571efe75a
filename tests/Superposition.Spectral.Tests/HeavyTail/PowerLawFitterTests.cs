using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;

namespace Superposition.Spectral.Tests.HeavyTail;

public sealed class PowerLawFitterTests
{
    [Theory]
    [InlineData(2.5, 2000, 1)]
    [InlineData(4.0, 3000, 2)]
    [InlineData(1.8, 1500, 3)]
    public void Alpha_of_a_Pareto_sample_is_recovered_within_three_sigma(double alpha, int count, int seed)
    {
        var fit = PowerLawFitter.Fit(Pareto(alpha, count, seed), 1e-5, XMinRule.MinimumTail, 10, 10);

        Assert.True(fit.Succeeded);
        Assert.Null(fit.Reason);
        Assert.True(Math.Abs(fit.Alpha!.Value - alpha) <= 3 * fit.Sigma!.Value, $"α = {fit.Alpha} ± {fit.Sigma}, true {alpha}");
        Assert.Equal((fit.Alpha.Value - 1) / Math.Sqrt(fit.TailSize!.Value), fit.Sigma.Value, 1e-14);
        Assert.True(fit.KsDistance < 0.05);
    }

    [Fact]
    public void Fit_matches_a_brute_force_numpy_reference()
    {
        // numpy: for each x_min (tails of ≥ 5): a = 1 + k / Σ ln(tail/x_min); D = max |1 − (tail/x_min)^(1−a) − arange(k)/k|.
        double[] data = [1.0, 1.1, 1.3, 1.35, 1.6, 2.0, 2.2, 2.9, 3.5, 4.1, 5.0, 7.5, 9.0, 15.0, 30.0];
        var fit = PowerLawFitter.Fit(data.Reverse(), 1e-5, XMinRule.MinimumTail, 5, 10);

        Assert.Equal(1.8210782397848113, fit.Alpha!.Value, 1e-13);
        Assert.Equal(0.11614220372632955, fit.KsDistance!.Value, 1e-13);
        Assert.Equal(1.0, fit.XMin);
        Assert.Equal(15, fit.TailSize);
    }

    [Fact]
    public void Too_small_a_tail_fails_with_a_reason_and_no_numbers()
    {
        var fit = PowerLawFitter.Fit([3.0, 2.0, 1e-9, 1.0], 1e-5, XMinRule.MinimumTail, 10, 10);

        Assert.False(fit.Succeeded);
        Assert.Contains("only 3 eigenvalues above the floor", fit.Reason, StringComparison.Ordinal);
        Assert.Null(fit.Alpha);
        Assert.Null(fit.XMin);
        Assert.Null(fit.KsDistance);
        Assert.Null(fit.Sigma);
        Assert.Null(fit.TailSize);
    }

    [Fact]
    public void Flat_spectrum_has_no_exponent()
    {
        var fit = PowerLawFitter.Fit(Enumerable.Repeat(2.0, 20), 1e-5, XMinRule.WeightWatcher, 10, 10);

        Assert.False(fit.Succeeded);
        Assert.NotNull(fit.Reason);
    }

    [Fact]
    public void WeightWatcher_rule_matches_the_numpy_reference_with_every_value_but_the_largest_a_candidate()
    {
        // tests/reference/ww_alpha.py's fit() on the same values (python3 -c "import ww_alpha; print(ww_alpha.fit(d))").
        double[] data = [1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.1, 1.12, 1.15, 3.0, 9.0, 27.0, 81.0];
        var fit = PowerLawFitter.Fit(data.Reverse(), 1e-5, XMinRule.WeightWatcher, 10, 10);

        Assert.Equal(1.5682226375246402, fit.Alpha!.Value, 1e-12);
        Assert.Equal(0.19398367234255642, fit.KsDistance!.Value, 1e-12);
        Assert.Equal(1.12, fit.XMin);
        Assert.Equal(6, fit.TailSize);
        Assert.Equal(16, fit.Candidates);
        Assert.True(fit.LowConfidence);
        Assert.Equal("low confidence: tail of 6 eigenvalues (fewer than 10)", fit.ConfidenceNote);
        Assert.Equal("weightwatcher", fit.XMinRule);
    }

    [Fact]
    public void Minimum_tail_rule_keeps_the_stricter_choice_on_the_same_values()
    {
        double[] data = [1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.1, 1.12, 1.15, 3.0, 9.0, 27.0, 81.0];
        var fit = PowerLawFitter.Fit(data, 1e-5, XMinRule.MinimumTail, 10, 10);

        Assert.True(fit.TailSize >= 10);
        Assert.False(fit.LowConfidence);
        Assert.Equal("minimum-tail", fit.XMinRule);
        Assert.NotEqual(1.5682226375246402, fit.Alpha!.Value, 1e-6);
    }

    [Fact]
    public void WeightWatcher_rule_on_the_fifteen_values_agrees_with_the_earlier_brute_force()
    {
        // Same data as the minimum-tail reference above: numpy's WW rule also picks x_min = 1 (tail 15).
        double[] data = [1.0, 1.1, 1.3, 1.35, 1.6, 2.0, 2.2, 2.9, 3.5, 4.1, 5.0, 7.5, 9.0, 15.0, 30.0];
        var fit = PowerLawFitter.Fit(data, 1e-5, XMinRule.WeightWatcher, 10, 10);

        Assert.Equal(1.8210782397848113, fit.Alpha!.Value, 1e-13);
        Assert.Equal(0.2120014899079916, fit.Sigma!.Value, 1e-13);
        Assert.Equal(15, fit.TailSize);
        Assert.Equal(14, fit.Candidates);
    }

    [Fact]
    public void WeightWatcher_rule_needs_two_values_above_the_floor()
    {
        var fit = PowerLawFitter.Fit([3.0, 1e-9], 1e-5, XMinRule.WeightWatcher, 10, 10);

        Assert.False(fit.Succeeded);
        Assert.Contains("only 1 eigenvalues above the floor", fit.Reason, StringComparison.Ordinal);
        Assert.Null(fit.Alpha);
    }

    /// <summary>Inverse-CDF samples of the density ∝ x^(−α) on [1, ∞).</summary>
    internal static double[] Pareto(double alpha, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Pow(1 - random.NextDouble(), -1 / (alpha - 1))).ToArray();
    }
}
