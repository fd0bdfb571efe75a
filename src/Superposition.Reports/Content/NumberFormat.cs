using System.Globalization;

namespace Superposition.Reports;

/// <summary>Number formatting shared by tables, key/value lists and chart ticks (invariant culture).</summary>
public static class NumberFormat
{
    /// <summary>
    /// Formats with a .NET format string; null means <see cref="Compact"/>. NaN prints "NaN", infinities "∞" / "-∞".
    /// </summary>
    public static string Format(double value, string? format)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        return format is null ? Compact(value) : value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Short human form with at most <paramref name="significant"/> significant digits:
    /// 0.5, 12.3, 1.5k, 2M, 1e-3, 2.5e-5. Plain decimals in [0.01, 1000), k/M/G suffixes in [1e3, 1e12),
    /// exponent form elsewhere. Trailing zeros are dropped; the minus sign is ASCII so values paste back.
    /// </summary>
    public static string Compact(double value, int significant = 4)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Format(value, null);
        }

        if (value == 0)
        {
            return "0";
        }

        var rounded = double.Parse(value.ToString("G" + significant, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var abs = Math.Abs(rounded);
        var sign = rounded < 0 ? "-" : string.Empty;
        if (abs >= 1e-2 && abs < 1e3)
        {
            return sign + abs.ToString("0.############", CultureInfo.InvariantCulture);
        }

        if (abs >= 1e3 && abs < 1e12)
        {
            var (scale, suffix) = abs >= 1e9 ? (1e9, "G") : abs >= 1e6 ? (1e6, "M") : (1e3, "k");
            var scaled = double.Parse((abs / scale).ToString("G" + significant, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return sign + scaled.ToString(Decimals(significant), CultureInfo.InvariantCulture) + suffix;
        }

        var exponent = (int)Math.Floor(Math.Log10(abs));
        var mantissa = abs / Math.Pow(10, exponent);
        if (mantissa >= 9.9999999)
        {
            mantissa /= 10;
            exponent++;
        }

        var m = double.Parse(mantissa.ToString("G" + significant, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return sign + m.ToString(Decimals(significant), CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static string Decimals(int significant) => "0." + new string('#', Math.Max(significant, 1));
}
