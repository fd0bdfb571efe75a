using Superposition.Training.Dynamics;

namespace Superposition.Training.Tests.Dynamics;

public sealed class DiagonalStudentsTests
{
    [Fact]
    public void Sgd_linear_and_tied_students_follow_their_exact_gradient_flows()
    {
        // Linear flow s_i(t) = A(1 − e^{−2λt}) gives L(t) = Σ λ A² e^{−4λt}, λ = p_i/3 (derived by hand, MATH.md §5);
        // the tied flow is TiedFlow's logistic law. N = 100, t in [10, 1000] (measured: linear ratio 0.86–1.04; the tied
        // one jitters to 1.56 where a feature's sharp logistic take-off is shifted by sampling noise, so each tied point
        // is allowed 0.6–1.7 and their geometric mean 0.9–1.15).
        var o = new DynamicsOptions { Features = 100, Bottleneck = 5, Duration = 1000, FitTo = 1000 };
        var data = new PowerLawData(new PowerLawSetting(1.5, 0.5), o.Features, 1.0);
        var (linear, tied) = DiagonalStudents.Train(o, data, 0, CancellationToken.None);
        var s0 = DiagonalStudents.InitialGains(o, o.Features, 0);
        double logTied = 0;
        int points = 0;
        for (int j = 0; j < linear.Times.Count; j++)
        {
            double t = linear.Times[j];
            if (t < 10 || t > 1000) continue;
            double flow = 0;
            for (int i = 0; i < o.Features; i++)
            {
                double lambda = data.Frequency[i] / 3, a = data.Teacher[i];
                flow += lambda * a * a * Math.Exp(-4 * lambda * t);
            }

            Assert.InRange(linear.Losses[j] / flow, 0.8, 1.15);
            double tiedRatio = tied.Losses[j] / TiedFlow.Loss(data, s0, t);
            Assert.InRange(tiedRatio, 0.6, 1.7);
            logTied += Math.Log(tiedRatio);
            points++;
        }

        Assert.InRange(Math.Exp(logTied / points), 0.9, 1.15);
    }

    [Theory]
    [InlineData(1.5, 0.0)]
    [InlineData(1.5, 0.5)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.5, 0.0)]
    public void Linear_student_exponent_is_within_005_of_theory_in_the_default_setup(double a, double b)
    {
        // The validity check of the setup: N = 1000, window t ∈ [10, 10^4], theory (a + 2b − 1)/a.
        var o = new DynamicsOptions();
        var setting = new PowerLawSetting(a, b);
        var data = new PowerLawData(setting, o.Features, o.ExpectedActive);
        var (linear, _) = DiagonalStudents.Train(o, data, 0, CancellationToken.None);
        var fit = LossExponent.Fit(linear.Times, linear.Losses, o.FitFrom, o.FitTo);
        Assert.InRange(fit.Alpha, setting.LinearAlpha - 0.05, setting.LinearAlpha + 0.05);
    }
}
