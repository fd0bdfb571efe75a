using Superposition.Spectral.Fitting;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// A straight line fitted by ordinary least squares to (log x, log y): log y = c + s log x.
/// <see cref="SlopeStandardError"/> is sqrt(Σ r² / (k − 2) / Σ (log x − mean)²), the ordinary standard error of the slope.
/// </summary>
/// <param name="Slope">s.</param>
/// <param name="Intercept">c.</param>
/// <param name="SlopeStandardError">Standard error of s (0 when k = 2).</param>
/// <param name="RSquared">1 − SSR/SST (1 when the log y are all equal).</param>
/// <param name="Points">k, the points fitted.</param>
public sealed record LogLogLine(double Slope, double Intercept, double SlopeStandardError, double RSquared, int Points);

/// <summary>
/// A power law fitted by least squares in log–log coordinates (probe covariance decay λ_k ∝ k^(−β)); the line itself is
/// <see cref="LeastSquaresLine"/>, the tool's one straight-line fit. The tail exponent of a weight spectrum is a different estimator
/// (<see cref="Measures.PowerLawFit"/>, maximum likelihood with a KS-selected x_min).
/// </summary>
public static class LogLogRegression
{
    /// <summary>Fits positive points; NumericalFailure when fewer than 2 are given or all x are equal.</summary>
    public static LogLogLine Fit(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int k = points.Count;
        if (k < 2) throw Fail.NumericalFailure("log-log least squares", $"{k} point(s); a line needs at least 2");
        var x = new double[k];
        var y = new double[k];
        for (int i = 0; i < k; i++)
        {
            if (!(points[i].X > 0 && points[i].Y > 0))
            {
                throw Fail.NumericalFailure("log-log least squares", FormattableString.Invariant($"point {i} = ({points[i].X}, {points[i].Y}) is not positive"));
            }

            x[i] = Math.Log(points[i].X);
            y[i] = Math.Log(points[i].Y);
        }

        if (x.All(v => v == x[0])) throw Fail.NumericalFailure("log-log least squares", "every x is the same; the slope is undefined");
        var line = LeastSquaresLine.Fit(x, y);
        return new LogLogLine(line.Slope, line.Intercept, line.StdError, line.RSquared, line.Points);
    }
}
