using Superposition.Training.Dynamics;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Dynamics;

public sealed class LossExponentTests
{
    private static double[] Times() => Enumerable.Range(0, 51).Select(k => Math.Pow(10, k / 10.0)).ToArray();

    [Theory]
    [InlineData(0.33, 0.0)]
    [InlineData(1.0, 0.02)]
    [InlineData(1.5, -1e-7)]
    public void Power_law_plus_asymptote_gives_its_exponent_and_asymptote(double alpha, double linf)
    {
        // L = L∞ + 0.5 t^-α at 10 points per decade, window [10, 10^4] (31 points). A negative L∞ stands for the
        // finite-N cut-off of a K = N student; it must stay above −3 L(10^4) to be inside the search range.
        var t = Times();
        var l = t.Select(x => linf + (0.5 * Math.Pow(x, -alpha))).ToArray();
        var fit = LossExponent.Fit(t, l, 10, 1e4);
        Assert.Equal(alpha, fit.Alpha, 3);
        Assert.Equal(linf, fit.LInf, 6);
        Assert.Equal(31, fit.Points);
        Assert.InRange(fit.LocalSlopeMax - fit.LocalSlopeMin, 0, 0.01);
    }

    [Fact]
    public void Noisy_power_law_recovers_the_exponent_within_a_few_hundredths()
    {
        // 2% multiplicative log-normal noise (seeded) on 0.3 t^-0.8.
        var rng = new Xoshiro256(42);
        var t = Times();
        var l = t.Select(x => 0.3 * Math.Pow(x, -0.8) * Math.Exp(0.02 * rng.NextGaussian())).ToArray();
        var fit = LossExponent.Fit(t, l, 10, 1e4);
        Assert.InRange(fit.Alpha, 0.75, 0.85);
    }

    [Fact]
    public void Saturating_curve_gets_its_floor_as_asymptote()
    {
        // L = 0.1 + 0.1/(1 + t/10): L − 0.1 falls as t^-1 once t ≫ 10, so the fit should find L∞ ≈ 0.1 and α near 1.
        var t = Times();
        var l = t.Select(x => 0.1 + (0.1 / (1 + (x / 10)))).ToArray();
        var fit = LossExponent.Fit(t, l, 10, 1e4);
        Assert.Equal(0.1, fit.LInf, 3);
        Assert.InRange(fit.Alpha, 0.8, 1.05);
    }

    [Fact]
    public void Too_few_points_is_a_numerical_failure()
    {
        var e = Assert.Throws<SuperpositionException>(() => LossExponent.Fit([1, 2, 3], [1, 0.5, 0.3], 1, 10));
        Assert.Equal(ErrorKind.NumericalFailure, e.Kind);
    }
}
