using Superposition.Spectral.Measures;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// The Marchenko–Pastur bulk fitted to the density, as WeightWatcher 0.7.5.5's mp_fit does it (MATH.md section 4): the
/// eigenvalues rescaled to mean 1 (W_scale² = M'/Σλ over the M' values given), a linear-kernel density estimate with
/// bandwidth 0.1 on 1000 points of [0, λ_max + 0.5] (points of density below 0.01 dropped), σ by a grid over
/// [0.05, 2)·σ₀ in steps of 0.01·σ₀ (σ₀ = sqrt(λ_max)/(1 + 1/sqrt(Q))) polished by a one-dimensional Nelder–Mead, the
/// residual being the squared difference of the MP density and the estimate (10⁶ per point when the MP edges miss the
/// estimate's peak or range). Spikes lie above λ+ + sqrt(Q^(−1/2) λ+^(2/3) M^(−2/3)), the Tracy–Widom margin.
/// </summary>
internal static class MarchenkoPasturFit
{
    private const double Bandwidth = 0.1;
    private const int GridPoints = 1000;
    private const double DensityFloor = 0.01;

    /// <summary>Fits <paramref name="values"/> (raw eigenvalues, any order) of a layer with aspect ratio Q = N/M.</summary>
    public static MarchenkoPasturFitResult Fit(IReadOnlyList<double> values, int bigN, int bigM)
    {
        var q = (double)bigN / bigM;
        var total = values.Sum();
        if (!(total > 0) || values.Count < 2)
        {
            return Failed("fewer than two eigenvalues or a zero spectrum: no density to fit");
        }

        var scale2 = values.Count / total;
        var scaled = values.Select(v => v * scale2).Order().ToArray();
        var lambdaMax = scaled[^1];
        var fitted = q == 1.0 ? scaled.Select(Math.Sqrt).ToArray() : scaled;
        var (x, density) = Density(fitted);
        var sigma0 = Math.Sqrt(lambdaMax / Math.Pow(1 + (1 / Math.Sqrt(q)), 2));
        var peak = Peak(density);
        double Residual(double sigma) => ResidualOf(sigma, x, density, peak, q);

        // Grid as numpy's mgrid[start:stop:step]: ceil((stop − start)/step) points start + i·step.
        var start = 0.05 * sigma0;
        var stop = 2.0 * sigma0;
        var step = 0.01 * sigma0;
        var count = (int)Math.Ceiling((stop - start) / step);
        var best = start;
        var bestValue = double.PositiveInfinity;
        for (var i = 0; i < count; i++)
        {
            var s = (i * step) + start;
            var r = Residual(s);
            if (r < bestValue)
            {
                bestValue = r;
                best = s;
            }
        }

        var sigmaMp = NelderMead.Minimize(Residual, best);
        var bulkMax = Math.Pow(sigmaMp * (1 + (1 / Math.Sqrt(q))), 2);
        var bulkMin = Math.Pow(sigmaMp * (1 - (1 / Math.Sqrt(q))), 2);
        var tw = 1 / Math.Sqrt(q) * Math.Pow(bulkMax, 2.0 / 3) * Math.Pow(bigM, -2.0 / 3);
        var margin = Math.Sqrt(tw);
        var spikes = scaled.Count(v => v > bulkMax + margin);
        return new MarchenkoPasturFitResult(true, null, sigmaMp, Math.Sqrt(scale2), bulkMax / scale2, bulkMin / scale2, margin / scale2,
            spikes, bulkMax / lambdaMax);
    }

    /// <summary>Linear-kernel density (1/(n h)) Σ max(0, 1 − |x − x_i|/h) on the grid, keeping points above the floor.</summary>
    internal static (double[] X, double[] Density) Density(double[] sorted)
    {
        var n = sorted.Length;
        var high = sorted[^1] + 0.5;
        var xs = new List<double>();
        var ds = new List<double>();
        var low = 0;
        for (var g = 0; g < GridPoints; g++)
        {
            var x = g == GridPoints - 1 ? high : g * (high / (GridPoints - 1)); // as numpy.linspace
            while (low < n && sorted[low] <= x - Bandwidth)
            {
                low++;
            }

            double sum = 0;
            for (var i = low; i < n && sorted[i] < x + Bandwidth; i++)
            {
                sum += Math.Max(0, 1 - (Math.Abs(x - sorted[i]) / Bandwidth));
            }

            var d = sum / (n * Bandwidth);
            if (d > DensityFloor)
            {
                xs.Add(x);
                ds.Add(d);
            }
        }

        return ([.. xs], [.. ds]);
    }

    /// <summary>Index of the estimate's first maximum (0 when empty); the same for every σ, so found once per fit.</summary>
    private static int Peak(double[] density)
    {
        var peak = 0;
        for (var i = 1; i < density.Length; i++)
        {
            if (density[i] > density[peak])
            {
                peak = i;
            }
        }

        return peak;
    }

    private static double ResidualOf(double sigma, double[] x, double[] density, int peak, double q)
    {
        if (x.Length == 0)
        {
            return 0;
        }

        double sum = 0;
        if (q == 1.0)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var inside = 4 - (x[i] * x[i]);
                var model = inside > 0 ? Math.Sqrt(inside) / (Math.PI * sigma * sigma) : 0;
                sum += (model - density[i]) * (model - density[i]);
            }

            return sum;
        }

        var y = 1 / q;
        var b = Math.Pow(sigma * (1 + Math.Sqrt(y)), 2);
        var a = Math.Pow(sigma * (1 - Math.Sqrt(y)), 2);
        if (b < x[peak] || b > x[^1] || a > x[peak])
        {
            return 1e6 * x.Length;
        }

        for (var i = 0; i < x.Length; i++)
        {
            var product = (b - x[i]) * (x[i] - a);
            var model = product >= 0 && x[i] > 0 ? Math.Sqrt(product) / (2 * Math.PI * sigma * sigma * x[i] * y) : 0;
            sum += (model - density[i]) * (model - density[i]);
        }

        return sum;
    }

    private static MarchenkoPasturFitResult Failed(string reason) => new(false, reason, null, null, null, null, null, null, null);
}
