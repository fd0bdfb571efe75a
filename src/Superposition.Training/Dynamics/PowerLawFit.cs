using Superposition.Training.Tms;

namespace Superposition.Training.Dynamics;

/// <summary>
/// Least-squares fit of log L = c − α log t over the points with <see cref="FromStep"/> ≤ t ≤ <see cref="ToStep"/>
/// (MATH.md section 5). <see cref="StdError"/> is the ordinary standard error of the slope,
/// sqrt(Σ r² / (k − 2) / Σ (log t − mean)²); it ignores the correlation of successive loss values.
/// </summary>
public sealed record PowerLawFit(double Alpha, double StdError, double Intercept, double RSquared, int Points, int FromStep, int ToStep)
{
    /// <summary>Fits the window; NumericalFailure if fewer than 3 positive points fall inside it.</summary>
    public static PowerLawFit Fit(IReadOnlyList<LossPoint> curve, int fromStep, int toStep)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var pts = curve.Where(p => p.Step >= fromStep && p.Step <= toStep && p.Step > 0 && p.Loss > 0)
            .Select(p => (X: Math.Log(p.Step), Y: Math.Log(p.Loss))).ToArray();
        if (pts.Length < 3)
            throw Fail.NumericalFailure("power-law fit", $"only {pts.Length} points with positive loss in steps [{fromStep}, {toStep}] (need 3)");
        double mx = pts.Average(p => p.X), my = pts.Average(p => p.Y);
        double sxx = pts.Sum(p => (p.X - mx) * (p.X - mx));
        double sxy = pts.Sum(p => (p.X - mx) * (p.Y - my));
        double syy = pts.Sum(p => (p.Y - my) * (p.Y - my));
        double slope = sxy / sxx;
        double intercept = my - (slope * mx);
        double ssr = pts.Sum(p => Math.Pow(p.Y - intercept - (slope * p.X), 2));
        double se = Math.Sqrt(ssr / (pts.Length - 2) / sxx);
        double r2 = syy > 0 ? 1 - (ssr / syy) : 1.0;
        return new PowerLawFit(-slope, se, intercept, r2, pts.Length, fromStep, toStep);
    }

    /// <summary>
    /// First step at which the curve falls to <paramref name="level"/>, interpolated linearly in log–log between
    /// recorded points; null if it never does.
    /// </summary>
    public static double? TimeToReach(IReadOnlyList<LossPoint> curve, double level)
    {
        ArgumentNullException.ThrowIfNull(curve);
        for (int j = 1; j < curve.Count; j++)
        {
            var a = curve[j - 1];
            var b = curve[j];
            if (b.Loss > level) continue;
            if (a.Loss <= level || a.Step == 0) return b.Step;
            double f = (Math.Log(a.Loss) - Math.Log(level)) / (Math.Log(a.Loss) - Math.Log(b.Loss));
            return Math.Exp(Math.Log(a.Step) + (f * (Math.Log(b.Step) - Math.Log(a.Step))));
        }

        return null;
    }
}
