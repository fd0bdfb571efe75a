using Superposition.Spectral.Fitting;

namespace Superposition.Spectral.Tests.Fitting;

public sealed class LeastSquaresLineTests
{
    [Fact]
    public void Exact_line_has_its_slope_intercept_and_no_error()
    {
        double[] x = [0, 1, 2, 3, 4];
        var fit = LeastSquaresLine.Fit(x, x.Select(v => 2.5 - (0.75 * v)).ToArray());
        Assert.Equal(-0.75, fit.Slope, 12);
        Assert.Equal(2.5, fit.Intercept, 12);
        Assert.Equal(0, fit.StdError, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(5, fit.Points);
    }

    [Fact]
    public void Residuals_give_the_textbook_standard_error()
    {
        // x = 0..3, y = 0, 1, 1, 3 (by hand): x̄ = 1.5, ȳ = 1.25, Sxx = 5, Sxy = 4.5 → slope 0.9, intercept -0.1;
        // residuals 0.1, 0.2, -0.7, 0.4 → SSR = 0.7, s.e. = sqrt(0.7 / 2 / 5) = sqrt(0.07).
        var fit = LeastSquaresLine.Fit([0, 1, 2, 3], [0, 1, 1, 3]);
        Assert.Equal(0.9, fit.Slope, 12);
        Assert.Equal(-0.1, fit.Intercept, 12);
        Assert.Equal(0.7, fit.ResidualSumOfSquares, 12);
        Assert.Equal(Math.Sqrt(0.07), fit.StdError, 12);
    }

    [Fact]
    public void Degenerate_input_is_rejected()
    {
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => LeastSquaresLine.Fit([1], [2])).Kind);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => LeastSquaresLine.Fit([1, 1, 1], [2, 3, 4])).Kind);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<SuperpositionException>(() => LeastSquaresLine.Fit([1, 2], [2])).Kind);
    }
}
