using System.Globalization;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Continuous power-law fit with x_min chosen by the Kolmogorov-Smirnov distance (Clauset, Shalizi and Newman's
/// method as WeightWatcher 0.7.5.5 applies it, MATH.md section 4).
/// </summary>
internal static class PowerLawFitter
{
    /// <summary>A tail whose mean ln(λ/x_min) is at most this is flat: its values are equal up to rounding.</summary>
    private const double FlatTail = 1e-12;

    /// <summary>
    /// Fits the values above <paramref name="floor"/>. <see cref="XMinRule.WeightWatcher"/>: every value but the largest is
    /// a candidate x_min, ties included, the first smallest D_KS wins (WeightWatcher's WWFit). <see cref="XMinRule.MinimumTail"/>:
    /// only tails of at least <paramref name="minTail"/> values, one candidate per distinct value. Either way a tail shorter
    /// than <paramref name="lowConfidenceTail"/> is flagged as low-confidence.
    /// </summary>
    public static PowerLawFit Fit(IEnumerable<double> values, double floor, XMinRule rule, int minTail, int lowConfidenceTail)
    {
        var data = values.Where(v => v > floor).Order().ToArray();
        var needed = rule == XMinRule.WeightWatcher ? 2 : minTail;
        if (data.Length < needed)
        {
            return Failed(rule, string.Create(CultureInfo.InvariantCulture,
                $"only {data.Length} eigenvalues above the floor {floor:g3}; a fit needs at least {needed} ({Describe(rule, minTail)})"));
        }

        // Suffix sums of ln λ give Σ_{j ≥ i} ln(λ_j / x_min) in O(1) per candidate.
        var suffixLog = new double[data.Length + 1];
        for (var i = data.Length - 1; i >= 0; i--)
        {
            suffixLog[i] = suffixLog[i + 1] + Math.Log(data[i]);
        }

        var lastStart = rule == XMinRule.WeightWatcher ? data.Length - 2 : data.Length - minTail;
        double bestKs = double.PositiveInfinity;
        double bestAlpha = 0;
        var bestStart = -1;
        var candidates = 0;
        for (var start = 0; start <= lastStart; start++)
        {
            if (rule == XMinRule.MinimumTail && start > 0 && data[start] == data[start - 1])
            {
                continue; // same x_min as the previous candidate
            }

            candidates++;
            var xMin = data[start];
            var n = data.Length - start;
            var logSum = suffixLog[start] - (n * Math.Log(xMin));
            double alpha;
            double ks;
            if (logSum > n * FlatTail)
            {
                alpha = 1.0 + (n / logSum);
                ks = KsDistance(data.AsSpan(start), xMin, alpha);
            }
            else
            {
                // Every tail value equals x_min (to rounding): α is infinite and the model CDF is 0 on the tail, so
                // D_KS = (n − 1)/n (what WeightWatcher's arithmetic gives for exact ties; for ties broken only by rounding
                // it would print an α of 1e15 instead); such a candidate can still win and then fails below.
                alpha = double.PositiveInfinity;
                ks = (n - 1.0) / n;
            }

            if (ks < bestKs)
            {
                bestKs = ks;
                bestAlpha = alpha;
                bestStart = start;
            }
        }

        if (bestStart < 0 || double.IsInfinity(bestAlpha))
        {
            return Failed(rule, "the best candidate tail is flat (all its values equal x_min): no finite exponent");
        }

        var tail = data.Length - bestStart;
        return new PowerLawFit(true, null, bestAlpha, data[bestStart], bestKs, (bestAlpha - 1.0) / Math.Sqrt(tail), tail)
        {
            XMinRule = RuleName(rule),
            Candidates = candidates,
            LowConfidence = tail < lowConfidenceTail,
            ConfidenceNote = tail < lowConfidenceTail
                ? string.Create(CultureInfo.InvariantCulture, $"low confidence: tail of {tail} eigenvalues (fewer than {lowConfidenceTail})")
                : null,
        };
    }

    /// <summary>The rule's name as it appears in results.</summary>
    public static string RuleName(XMinRule rule) => rule == XMinRule.WeightWatcher ? "weightwatcher" : "minimum-tail";

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

    private static string Describe(XMinRule rule, int minTail) => rule == XMinRule.WeightWatcher
        ? "WeightWatcher's rule: every eigenvalue but the largest is a candidate x_min"
        : string.Create(CultureInfo.InvariantCulture, $"minimum-tail rule: tails of at least {minTail}");

    private static PowerLawFit Failed(XMinRule rule, string reason) =>
        new(false, reason, null, null, null, null, null) { XMinRule = RuleName(rule) };
}
