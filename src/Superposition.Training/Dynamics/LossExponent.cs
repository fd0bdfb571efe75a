using Superposition.Spectral.Fitting;

namespace Superposition.Training.Dynamics;

/// <summary>
/// Exponent α of L(t) − L∞ ∝ t^(−α) over a stated window (MATH.md section 5).
/// </summary>
/// <param name="Alpha">−slope of log(L − L∞) against log t.</param>
/// <param name="StdError">The slope's least-squares standard error (successive points are correlated, so it is optimistic; the seed spread is the honest error).</param>
/// <param name="LInf">Estimated asymptote L∞.</param>
/// <param name="LInfAtBound">True when the best L∞ lies on an edge of its search range (the fit is then less trustworthy).</param>
/// <param name="LocalSlopeMin">Smallest local exponent −Δlog(L − L∞)/Δlog t between successive points in the window.</param>
/// <param name="LocalSlopeMax">Largest local exponent.</param>
/// <param name="RSquared">R² of the straight line.</param>
/// <param name="Points">Points in the window.</param>
/// <param name="From">Window start t₀.</param>
/// <param name="To">Window end t₁.</param>
public sealed record LossExponent(double Alpha, double StdError, double LInf, bool LInfAtBound, double LocalSlopeMin, double LocalSlopeMax, double RSquared, int Points, double From, double To)
{
    private const int GridSize = 400;

    /// <summary>
    /// Fits the window [<paramref name="from"/>, <paramref name="to"/>]: L∞ is the value in
    /// [−3 L(t₁), (1 − 10⁻⁶) min L] (L over the window) that makes log(L − L∞) against log t most nearly straight (largest R² of
    /// <see cref="LeastSquaresLine"/>; a 400-point grid, then golden-section refinement). A negative L∞
    /// absorbs the finite-N cut-off of a K = N student's tail (its sum stops at i = N), a positive one a bottleneck's floor.
    /// NumericalFailure with fewer than 4 positive points in the window.
    /// </summary>
    public static LossExponent Fit(IReadOnlyList<double> times, IReadOnlyList<double> losses, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(losses);
        var x = new List<double>();
        var l = new List<double>();
        for (int j = 0; j < times.Count; j++)
        {
            if (times[j] < from * (1 - 1e-9) || times[j] > to * (1 + 1e-9) || !(losses[j] > 0) || !double.IsFinite(losses[j])) continue;
            x.Add(Math.Log(times[j]));
            l.Add(losses[j]);
        }

        if (x.Count < 4)
            throw Fail.NumericalFailure("loss exponent", $"only {x.Count} points with positive finite loss in t ∈ [{from}, {to}] (need 4)");
        double lMin = l.Min(), lo = -3 * l[^1], hi = lMin * (1 - 1e-6);
        double best = lo, bestSsr = double.PositiveInfinity;
        for (int g = 0; g <= GridSize; g++)
        {
            double c = lo + ((hi - lo) * g / GridSize);
            double ssr = Misfit(x, l, c);
            if (ssr < bestSsr) (best, bestSsr) = (c, ssr);
        }

        double step = (hi - lo) / GridSize;
        double linf = Golden(x, l, Math.Max(lo, best - step), Math.Min(hi, best + step));
        var line = Line(x, l, linf);
        double minLocal = double.PositiveInfinity, maxLocal = double.NegativeInfinity;
        for (int j = 1; j < x.Count; j++)
        {
            double local = -(Math.Log(l[j] - linf) - Math.Log(l[j - 1] - linf)) / (x[j] - x[j - 1]);
            minLocal = Math.Min(minLocal, local);
            maxLocal = Math.Max(maxLocal, local);
        }

        bool atBound = Math.Abs(linf - lo) <= step || Math.Abs(linf - hi) <= step;
        return new LossExponent(-line.Slope, line.StdError, linf, atBound, minLocal, maxLocal, line.RSquared, x.Count, from, to);
    }

    /// <summary>1 − R² of the line: scale-free, unlike the residual sum, which a very negative L∞ would shrink towards 0 by flattening log(L − L∞).</summary>
    private static double Misfit(List<double> x, List<double> l, double linf) => 1 - Line(x, l, linf).RSquared;

    private static LeastSquaresLine Line(List<double> x, List<double> l, double linf)
    {
        var y = new double[l.Count];
        for (int j = 0; j < y.Length; j++) y[j] = Math.Log(l[j] - linf);
        return LeastSquaresLine.Fit(x.ToArray(), y);
    }

    private static double Golden(List<double> x, List<double> l, double a, double b)
    {
        const double R = 0.6180339887498949;
        double c = b - (R * (b - a)), d = a + (R * (b - a));
        double fc = Misfit(x, l, c), fd = Misfit(x, l, d);
        for (int it = 0; it < 60; it++)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (R * (b - a));
                fc = Misfit(x, l, c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (R * (b - a));
                fd = Misfit(x, l, d);
            }
        }

        return (a + b) / 2;
    }
}
