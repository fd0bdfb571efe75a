namespace Superposition.Training.Dynamics;

/// <summary>
/// Exact gradient flow of the tied student on the population loss: ds_i/dt = 8 λ_i s_i (A_ii − s_i), λ_i = p_i E[v²],
/// solved in closed form, s_i(t) = A/(1 + (A/s_i(0) − 1) e^(−8 λ_i A t)) (MATH.md section 5's logistic law).
/// </summary>
internal static class TiedFlow
{
    /// <summary>Population loss at time <paramref name="t"/> from initial gains <paramref name="s0"/>.</summary>
    public static double Loss(PowerLawData data, ReadOnlySpan<float> s0, double t)
    {
        double sum = 0;
        for (int i = 0; i < data.N; i++)
        {
            double a = data.Teacher[i], lambda = data.Frequency[i] * PowerLawData.SecondMoment;
            double s = a / (1 + (((a / s0[i]) - 1) * Math.Exp(-8 * lambda * a * t)));
            sum += lambda * (s - a) * (s - a);
        }

        return sum;
    }

    /// <summary>When the flow's loss first falls to <paramref name="level"/>, searched by bisection in log t from <paramref name="from"/> up to 10¹⁵.</summary>
    public static double TimeToReach(PowerLawData data, ReadOnlySpan<float> s0, double level, double from)
    {
        double lo = Math.Log(from), hi = Math.Log(1e15);
        if (Loss(data, s0, Math.Exp(hi)) > level) return double.PositiveInfinity;
        for (int it = 0; it < 80; it++)
        {
            double mid = (lo + hi) / 2;
            if (Loss(data, s0, Math.Exp(mid)) > level) lo = mid;
            else hi = mid;
        }

        return Math.Exp(hi);
    }
}
