using System.Globalization;
using Superposition.Reports.Charts;
using Superposition.Reports.Html;

namespace Superposition.Reports.Toy;

/// <summary>One feature of one trained toy instance: its feature probability 1 − S, seed, norm ‖w_i‖ and D_i.</summary>
public sealed record FeaturePoint(double FeatureProbability, ulong Seed, int Instance, int Feature, double Norm, double Dimensionality);

/// <summary>
/// The feature-dimensionality figure of Elhage et al. (2022): D_i of every feature (no norm filter) against 1/(1−S)
/// on a log axis, coloured by ‖w_i‖, with the fractions 1, 3/4, 2/3, 1/2, 2/5, 3/8 and 4/9 drawn. Points of one
/// sparsity are spread sideways by a deterministic ±4 % jitter (from instance, feature and seed) so that stacked
/// features stay visible, as the paper's figure does.
/// </summary>
public static class DimensionalityFigure
{
    /// <summary>The fractions drawn (MATH.md section 7): label and value.</summary>
    public static IReadOnlyList<(string Label, double Value)> Fractions { get; } =
        [("1", 1.0), ("3/4", 0.75), ("2/3", 2.0 / 3), ("1/2", 0.5), ("4/9", 4.0 / 9), ("2/5", 0.4), ("3/8", 0.375)];

    /// <summary>Norm bands (lower edges) and their colours: faint for unlearned features, dark for full-norm ones.</summary>
    private static readonly (double From, string Name, ChartColor Color)[] Bands =
    [
        (0.0, "||w_i|| < 0.25", new ChartColor(200, 200, 200)),
        (0.25, "0.25 <= ||w_i|| < 0.75", new ChartColor(127, 170, 220)),
        (0.75, "||w_i|| >= 0.75", new ChartColor(20, 40, 120)),
    ];

    /// <summary>The chart of <paramref name="points"/>.</summary>
    public static Chart Build(string title, IReadOnlyList<FeaturePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var series = new List<ChartSeries>();
        foreach (var (label, value) in Fractions) series.Add(new ReferenceLine(label, ReferenceOrientation.Horizontal, value) { Color = ChartColor.Grey });
        for (int b = 0; b < Bands.Length; b++)
        {
            double lo = Bands[b].From, hi = b + 1 < Bands.Length ? Bands[b + 1].From : double.PositiveInfinity;
            var inBand = points.Where(q => q.Norm >= lo && q.Norm < hi).ToArray();
            series.Add(new ScatterSeries(
                Bands[b].Name + " (" + inBand.Length.ToString(CultureInfo.InvariantCulture) + ")",
                inBand.Select(q => Jittered(q)).ToArray(),
                inBand.Select(q => q.Dimensionality).ToArray())
            { Color = Bands[b].Color, MarkerRadius = 1.3 });
        }

        return new Chart(title, new Axis("1/(1−S) = 1/feature probability", AxisScale.Log10, 0.85, 25), new Axis("D_i (dimensions per feature)", Min: 0, Max: 1.1), series)
        {
            Legend = LegendPosition.Outside,
        };
    }

    /// <summary>The figure as a standalone SVG document.</summary>
    public static string Svg(string title, IReadOnlyList<FeaturePoint> points) => ChartSvg.Render(Build(title, points), 720, 420, out _);

    /// <summary>
    /// Reads the <c>features.csv</c> of <c>toy sweep</c> (columns instance, feature_probability, [seed,] feature, norm,
    /// dimensionality). InvalidArgument naming the file and line on a malformed row.
    /// </summary>
    public static IReadOnlyList<FeaturePoint> ReadCsv(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) throw Fail.InvalidArgument(path, "(empty)", "a features.csv written by toy sweep");
        var header = lines[0].Trim().Split(',');
        int Column(string name) => Array.IndexOf(header, name) is int c and >= 0 ? c : throw Fail.InvalidArgument(path, lines[0].Trim(), "a header with column " + name);
        int ci = Column("instance"), cp = Column("feature_probability"), cf = Column("feature"), cn = Column("norm"), cd = Column("dimensionality");
        int cs = Array.IndexOf(header, "seed");
        var points = new List<FeaturePoint>(lines.Length - 1);
        for (int l = 1; l < lines.Length; l++)
        {
            var f = lines[l].Trim().Split(',');
            if (f.Length != header.Length
                || !int.TryParse(f[ci], CultureInfo.InvariantCulture, out int instance)
                || !double.TryParse(f[cp], CultureInfo.InvariantCulture, out double p)
                || !int.TryParse(f[cf], CultureInfo.InvariantCulture, out int feature)
                || !double.TryParse(f[cn], CultureInfo.InvariantCulture, out double norm)
                || !double.TryParse(f[cd], CultureInfo.InvariantCulture, out double dim))
            {
                throw Fail.InvalidArgument($"{path} line {l + 1}", lines[l].Trim(), "numbers in the columns " + lines[0].Trim());
            }

            ulong seed = cs >= 0 && ulong.TryParse(f[cs], CultureInfo.InvariantCulture, out ulong s) ? s : 0;
            points.Add(new FeaturePoint(p, seed, instance, feature, norm, dim));
        }

        return points;
    }

    private static double Jittered(FeaturePoint q)
    {
        ulong h = ((ulong)(uint)q.Instance * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)q.Feature * 0xC2B2AE3D27D4EB4FUL) ^ (q.Seed * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        double u = ((h >> 11) * (1.0 / 9007199254740992.0 * 2)) - 1.0;
        return (1.0 / q.FeatureProbability) * Math.Exp(0.04 * u);
    }
}
