using Superposition.Training.Dynamics;
using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Dynamics;

public sealed class PowerLawFitTests
{
    private static LossPoint[] Curve(Func<double, double> loss) =>
        TmsTrainer.CurveSteps(100_000, 50).Select(t => new LossPoint(t, loss(t))).ToArray();

    [Fact]
    public void Exact_power_law_gives_its_exponent_and_zero_error()
    {
        var fit = PowerLawFit.Fit(Curve(t => 2.5 * Math.Pow(t, -0.8)), 1, 100_000);
        Assert.Equal(0.8, fit.Alpha, 12);
        Assert.Equal(Math.Log(2.5), fit.Intercept, 10);
        Assert.True(fit.StdError < 1e-10);
        Assert.Equal(1.0, fit.RSquared, 10);
    }

    [Fact]
    public void Noisy_power_law_recovers_the_exponent_within_three_standard_errors()
    {
        // L = 0.3 t^-1.3 with 5% multiplicative log-normal noise (seeded).
        var rng = new Xoshiro256(42);
        var fit = PowerLawFit.Fit(Curve(t => 0.3 * Math.Pow(t, -1.3) * Math.Exp(0.05 * rng.NextGaussian())), 10, 100_000);
        Assert.InRange(fit.StdError, 1e-4, 0.05);
        Assert.True(Math.Abs(fit.Alpha - 1.3) < 3 * fit.StdError, $"alpha {fit.Alpha} +- {fit.StdError}");
    }

    [Fact]
    public void Only_the_stated_window_enters_the_fit()
    {
        // Slope 0.5 before t = 1000, slope 2 after: the window [2000, 100000] sees only the second.
        var fit = PowerLawFit.Fit(Curve(t => t < 1000 ? Math.Pow(t, -0.5) : Math.Pow(1000, -0.5) * Math.Pow(t / 1000, -2)), 2000, 100_000);
        Assert.Equal(2.0, fit.Alpha, 10);
        Assert.Equal(2000, fit.FromStep);
        Assert.True(fit.Points < 50);
    }

    [Fact]
    public void Too_few_points_is_a_numerical_failure()
    {
        var e = Assert.Throws<SuperpositionException>(() => PowerLawFit.Fit([new(1, 1.0), new(2, 0.5)], 1, 10));
        Assert.Equal(ErrorKind.NumericalFailure, e.Kind);
    }

    [Fact]
    public void Time_to_reach_interpolates_in_log_log()
    {
        // L = 1/t sampled at 10 and 1000: level 0.01 is reached at t = 100 exactly on the log-log line.
        double? t = PowerLawFit.TimeToReach([new(0, 1.0), new(10, 0.1), new(1000, 0.001)], 0.01);
        Assert.NotNull(t);
        Assert.Equal(100.0, t.Value, 6);
        Assert.Null(PowerLawFit.TimeToReach([new(0, 1.0), new(10, 0.1)], 0.01));
    }

    [Fact]
    public void Diagonal_linear_student_matches_the_continuum_exponent()
    {
        // a = 2, b = 1: (a + 2b - 1)/a = 1.5. N = 50 features, SGD lr 0.5, window [200, 20000] lies between the
        // learning times of the first and last features, where the continuum limit holds (measured 1.499 +- 0.004).
        var o = new DynamicsOptions { Steps = 20_000, EvaluationSamples = 2048 };
        var s = new PowerLawSetting(2.0, 1.0);
        var run = TeacherStudent.DiagonalStudent(o, s);
        Assert.InRange(run.Fit.Alpha, 1.5 - 0.05, 1.5 + 0.05);
    }
}
