using Superposition.Spectral.HeavyTail;

namespace Superposition.Spectral.Tests.HeavyTail;

public sealed class LogLogRegressionTests
{
    [Theory]
    [InlineData(3.0, -1.5, 10)]
    [InlineData(0.2, -0.5, 50)]
    [InlineData(7.0, 2.0, 4)]
    public void An_exact_power_law_gives_its_exponent_and_prefactor(double prefactor, double exponent, int count)
    {
        var points = Enumerable.Range(1, count).Select(k => ((double)k, prefactor * Math.Pow(k, exponent))).ToList();

        var line = LogLogRegression.Fit(points);

        Assert.Equal(exponent, line.Slope, 1e-12);
        Assert.Equal(Math.Log(prefactor), line.Intercept, 1e-12);
        Assert.Equal(1.0, line.RSquared, 1e-12);
        Assert.Equal(0.0, line.SlopeStandardError, 1e-6);
        Assert.Equal(count, line.Points);
    }

    [Fact]
    public void Three_points_match_a_hand_computation()
    {
        // In units of ln 2: x = (0, 1, 2), y = (0, 2, 3): slope 3/2, intercept 1/6, SSR 1/6, Sxx 2, SST 14/3,
        // so se = sqrt(1/12) and R² = 1 − (1/6)/(14/3) = 27/28.
        var line = LogLogRegression.Fit([(1, 1), (2, 4), (4, 8)]);

        Assert.Equal(1.5, line.Slope, 1e-14);
        Assert.Equal(Math.Log(2) / 6, line.Intercept, 1e-14);
        Assert.Equal(Math.Sqrt(1.0 / 12), line.SlopeStandardError, 1e-14);
        Assert.Equal(27.0 / 28, line.RSquared, 1e-14);
    }

    [Fact]
    public void Non_positive_points_and_a_single_point_are_numerical_failures()
    {
        Assert.Equal(ErrorKind.NumericalFailure, Assert.Throws<SuperpositionException>(() => LogLogRegression.Fit([(1, 1), (2, 0)])).Kind);
        Assert.Equal(ErrorKind.NumericalFailure, Assert.Throws<SuperpositionException>(() => LogLogRegression.Fit([(1, 1)])).Kind);
        Assert.Equal(ErrorKind.NumericalFailure, Assert.Throws<SuperpositionException>(() => LogLogRegression.Fit([(2, 1), (2, 3)])).Kind);
    }
}
