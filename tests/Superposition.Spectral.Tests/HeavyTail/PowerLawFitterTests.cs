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
        var fit = PowerLawFitter.Fit(Pareto(alpha, count, seed), floor: 1e-5, minTail: 10);

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
        var fit = PowerLawFitter.Fit(data.Reverse(), floor: 1e-5, minTail: 5);

        Assert.Equal(1.8210782397848113, fit.Alpha!.Value, 1e-13);
        Assert.Equal(0.11614220372632955, fit.KsDistance!.Value, 1e-13);
        Assert.Equal(1.0, fit.XMin);
        Assert.Equal(15, fit.TailSize);
    }

    [Fact]
    public void Too_small_a_tail_fails_with_a_reason_and_no_numbers()
    {
        var fit = PowerLawFitter.Fit([3.0, 2.0, 1e-9, 1.0], floor: 1e-5, minTail: 10);

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
        var fit = PowerLawFitter.Fit(Enumerable.Repeat(2.0, 20), floor: 1e-5, minTail: 10);

        Assert.False(fit.Succeeded);
        Assert.NotNull(fit.Reason);
    }

    /// <summary>Inverse-CDF samples of the density ∝ x^(−α) on [1, ∞).</summary>
    internal static double[] Pareto(double alpha, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Pow(1 - random.NextDouble(), -1 / (alpha - 1))).ToArray();
    }
}
