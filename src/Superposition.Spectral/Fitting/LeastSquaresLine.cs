namespace Superposition.Spectral.Fitting;

/// <summary>
/// Ordinary least-squares line y = intercept + slope·x, the one place the tool fits a straight line (log–log
/// slopes of loss curves and spectra). <see cref="StdError"/> is the textbook standard error of the slope,
/// sqrt(Σ r² / (k − 2) / Σ (x − x̄)²), which assumes independent residuals.
/// </summary>
/// <param name="Slope">Fitted slope.</param>
/// <param name="Intercept">Fitted intercept.</param>
/// <param name="StdError">Standard error of the slope (0 for k = 2 points).</param>
/// <param name="RSquared">Coefficient of determination (1 when y is constant).</param>
/// <param name="ResidualSumOfSquares">Σ r².</param>
/// <param name="Points">k, the number of points.</param>
public sealed record LeastSquaresLine(double Slope, double Intercept, double StdError, double RSquared, double ResidualSumOfSquares, int Points)
{
    /// <summary>Fits the points (x_j, y_j); InvalidArgument for fewer than 2 points, unequal lengths or constant x.</summary>
    public static LeastSquaresLine Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw Fail.InvalidArgument("line fit", $"{x.Length} x and {y.Length} y values", "as many y values as x values");
        int k = x.Length;
        if (k < 2) throw Fail.InvalidArgument("line fit", $"{k} points", "at least 2 points");
        double mx = 0, my = 0;
        for (int j = 0; j < k; j++)
        {
            mx += x[j];
            my += y[j];
        }

        mx /= k;
        my /= k;
        double sxx = 0, sxy = 0, syy = 0;
        for (int j = 0; j < k; j++)
        {
            double dx = x[j] - mx, dy = y[j] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        if (!(sxx > 0)) throw Fail.InvalidArgument("line fit", "constant x", "at least two distinct x values");
        double slope = sxy / sxx;
        double intercept = my - (slope * mx);
        double ssr = 0;
        for (int j = 0; j < k; j++)
        {
            double r = y[j] - intercept - (slope * x[j]);
            ssr += r * r;
        }

        double se = k > 2 ? Math.Sqrt(ssr / (k - 2) / sxx) : 0.0;
        double r2 = syy > 0 ? 1 - (ssr / syy) : 1.0;
        return new LeastSquaresLine(slope, intercept, se, r2, ssr, k);
    }
}
