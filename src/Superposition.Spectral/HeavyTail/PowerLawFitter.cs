using System.Globalization;
using Superposition.Spectral.Analysis;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Continuous power-law fit with x_min chosen by the Kolmogorov-Smirnov distance (Clauset, Shalizi and Newman's
/// method as WeightWatcher applies it, MATH.md section 4).
/// </summary>
internal static class PowerLawFitter
{
    /// <summary>Fits the values above <paramref name="floor"/>; tails shorter than <paramref name="minTail"/> are never candidates.</summary>
    public static PowerLawFit Fit(IEnumerable<double> values, double floor, int minTail)
    {
        var data = values.Where(v => v > floor).Order().ToArray();
        if (data.Length < minTail)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture,
                $"only {data.Length} eigenvalues above the floor {floor:g3}; a tail needs at least {minTail}"));
        }

        // Suffix sums of ln λ give Σ_{j ≥ i} ln(λ_j / x_min) in O(1) per candidate.
        var suffixLog = new double[data.Length + 1];
        for (var i = data.Length - 1; i >= 0; i--)
        {
            suffixLog[i] = suffixLog[i + 1] + Math.Log(data[i]);
        }

        double bestKs = double.PositiveInfinity;
        double bestAlpha = 0;
        var bestStart = -1;
        for (var start = 0; start <= data.Length - minTail; start++)
        {
            if (start > 0 && data[start] == data[start - 1])
            {
                continue; // same x_min as the previous candidate
            }

            var xMin = data[start];
            var n = data.Length - start;
            var logSum = suffixLog[start] - (n * Math.Log(xMin));
            if (logSum <= 0)
            {
                continue; // all tail values equal x_min: no exponent
            }

            var alpha = 1.0 + (n / logSum);
            var ks = KsDistance(data.AsSpan(start), xMin, alpha);
            if (ks < bestKs)
            {
                bestKs = ks;
                bestAlpha = alpha;
                bestStart = start;
            }
        }

        if (bestStart < 0)
        {
            return Failed("every candidate tail is flat (all values equal x_min)");
        }

        var tail = data.Length - bestStart;
        return new PowerLawFit(true, null, bestAlpha, data[bestStart], bestKs, (bestAlpha - 1.0) / Math.Sqrt(tail), tail);
    }

    /// <summary>D_KS = max_j |1 − (λ_j/x_min)^(1−α) − j/n|, j = 0..n−1 over the ascending tail.</summary>
    internal static double KsDistance(ReadOnlySpan<double> tail, double xMin, double alpha)
    {
        double ks = 0;
        var n = tail.Length;
        for (var j = 0; j < n; j++)
        {
            var theoretical = 1.0 - Math.Pow(tail[j] / xMin, 1.0 - alpha);
            ks = Math.Max(ks, Math.Abs(theoretical - ((double)j / n)));
        }

        return ks;
    }

    private static PowerLawFit Failed(string reason) => new(false, reason, null, null, null, null, null);
}
