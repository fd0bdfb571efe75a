namespace Superposition.Reports.Diff;

/// <summary>
/// The histogram of a per-feature drift (the report's chart and the JSON share it): equal-width bins from
/// the lower edge to the largest value, counts per bin, the last bin closed.
/// </summary>
/// <param name="Edges">Bins + 1 ascending edges.</param>
/// <param name="Counts">Features per bin.</param>
public sealed record DriftHistogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts)
{
    /// <summary>Bins of every drift histogram.</summary>
    public const int Bins = 30;

    /// <summary>Bins from the smallest value, or from <paramref name="from"/> when given (0 for distances); a range of width 0 is widened.</summary>
    public static DriftHistogram Of(IReadOnlyList<double> values, double? from = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        double lo = from ?? (values.Count == 0 ? 0 : values.Min()), hi = values.Count == 0 ? lo : values.Max();
        if (!(hi > lo)) (lo, hi) = from is null ? (lo - 0.5, hi + 0.5) : (lo, lo + 1);
        var edges = Enumerable.Range(0, Bins + 1).Select(i => lo + ((hi - lo) * i / Bins)).ToArray();
        var counts = new int[Bins];
        foreach (double v in values) counts[Math.Clamp((int)((v - lo) / (hi - lo) * Bins), 0, Bins - 1)]++;
        return new DriftHistogram(edges, counts);
    }
}
