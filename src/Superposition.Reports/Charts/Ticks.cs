namespace Superposition.Reports.Charts;

/// <summary>Axis range after tick rounding, with major ticks (labelled) and minor ticks (marks only).</summary>
internal sealed record TickSet(double Min, double Max, IReadOnlyList<double> Major, IReadOnlyList<double> Minor, IReadOnlyList<string> Labels);

/// <summary>
/// Nice tick generation. Linear: steps of 1, 2 or 5 × 10^k (Heckbert's "nice numbers"), so 0..1 gives
/// 0, 0.2, ..., 1. Log10: one major tick per decade (every k-th decade when there are too many) with minor
/// ticks at 2..9 × 10^k; a range narrower than one decade gets 1-2-5 ticks in value space instead, because
/// decade ticks would leave it with at most one label.
/// </summary>
internal static class Ticks
{
    // Relative slack when deciding whether a value sits on a tick: absorbs floating-point noise of k·step.
    private const double Eps = 1e-9;

    public static TickSet Linear(double lo, double hi, int target, bool expandLo = true, bool expandHi = true)
    {
        RequireRange(lo, hi);
        var step = NiceStep((hi - lo) / Math.Max(target - 1, 1));
        var min = expandLo ? Math.Floor((lo / step) + Eps) * step : lo;
        var max = expandHi ? Math.Ceiling((hi / step) - Eps) * step : hi;
        min = Clean(min, step);
        max = Clean(max, step);
        var major = Multiples(min, max, step);
        var mantissa = Math.Round(step / Math.Pow(10, Math.Floor(Math.Log10(step))));
        var minorStep = step / (mantissa == 2 ? 4 : 5);
        var minor = Multiples(min, max, minorStep).Where(v => !OnGrid(v, step)).ToArray();
        return new TickSet(min, max, major, minor, Labels(major));
    }

    public static TickSet Log10(double lo, double hi, int maxMajor, bool expandLo = true, bool expandHi = true)
    {
        RequireRange(lo, hi);
        if (lo <= 0)
        {
            throw Fail.Internal("log axis range must be positive, got " + lo);
        }

        var a = Math.Log10(lo);
        var b = Math.Log10(hi);
        if (b - a < 1 && Math.Floor(b + Eps) - Math.Ceiling(a - Eps) < 1)
        {
            // Less than a decade with no power of ten inside: pad a little in log space, tick in value space.
            var min = expandLo ? Math.Pow(10, a - ((b - a) * 0.05)) : lo;
            var max = expandHi ? Math.Pow(10, b + ((b - a) * 0.05)) : hi;
            var inner = Linear(min, max, 5, expandLo: false, expandHi: false);
            return inner with { Min = min, Max = max, Minor = [] };
        }

        var da = expandLo ? Math.Floor(a + Eps) : Math.Ceiling(a - Eps);
        var db = expandHi ? Math.Ceiling(b - Eps) : Math.Floor(b + Eps);
        var decades = (int)(db - da);
        var stride = Math.Max(1, (int)Math.Ceiling(decades / (double)Math.Max(maxMajor - 1, 1)));
        var major = new List<double>();
        var minor = new List<double>();
        var rangeMin = expandLo ? Math.Pow(10, da) : lo;
        var rangeMax = expandHi ? Math.Pow(10, db) : hi;
        for (var k = (int)da - 1; k <= (int)db; k++)
        {
            var decade = Math.Pow(10, k);
            if (k >= da && Mod(k, stride) == 0)
            {
                major.Add(decade);
            }
            else if (k >= da && decade >= rangeMin * (1 - Eps) && decade <= rangeMax * (1 + Eps))
            {
                minor.Add(decade);
            }

            if (stride == 1 && decades <= 8)
            {
                for (var m = 2; m <= 9; m++)
                {
                    var v = m * decade;
                    if (v >= rangeMin * (1 - Eps) && v <= rangeMax * (1 + Eps))
                    {
                        minor.Add(v);
                    }
                }
            }
        }

        return new TickSet(rangeMin, rangeMax, major, minor, Labels(major));
    }

    /// <summary>Smallest of 1, 2, 5, 10 × 10^k that is at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || double.IsInfinity(raw))
        {
            throw Fail.Internal("tick step must be positive and finite, got " + raw);
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 + Eps ? 1 : normalized <= 2 + Eps ? 2 : normalized <= 5 + Eps ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Compact labels, with more digits when the compact form would make two labels equal.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<double> values)
    {
        for (var digits = 3; digits <= 12; digits++)
        {
            var labels = values.Select(v => NumberFormat.Compact(v, digits)).ToArray();
            if (labels.Distinct(StringComparer.Ordinal).Count() == labels.Length)
            {
                return labels;
            }
        }

        return values.Select(v => NumberFormat.Compact(v, 15)).ToArray();
    }

    private static double[] Multiples(double min, double max, double step)
    {
        var first = (long)Math.Ceiling((min / step) - Eps);
        var last = (long)Math.Floor((max / step) + Eps);
        if (last - first > 10_000)
        {
            throw Fail.Internal("too many ticks");
        }

        var result = new double[Math.Max(0, last - first + 1)];
        for (var k = first; k <= last; k++)
        {
            result[k - first] = Clean(k * step, step);
        }

        return result;
    }

    private static bool OnGrid(double v, double step)
    {
        var q = v / step;
        return Math.Abs(q - Math.Round(q)) < 1e-6;
    }

    // k·step carries noise (3 × 0.2 = 0.6000000000000001); round to the step's decimal places.
    private static double Clean(double v, double step)
    {
        var decimals = (int)Math.Max(0, 2 - Math.Floor(Math.Log10(step)));
        var cleaned = decimals <= 15 ? Math.Round(v, decimals) : v;
        return cleaned == 0 ? 0 : cleaned; // no "-0"
    }

    private static int Mod(int k, int m) => ((k % m) + m) % m;

    private static void RequireRange(double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(hi > lo))
        {
            throw Fail.Internal($"tick range must be finite with hi > lo, got [{lo}, {hi}]");
        }
    }
}
