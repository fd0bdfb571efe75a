using System.Globalization;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Frames;

/// <summary>Eigenspace grouping and log bins (MATH.md sections 1 and 3).</summary>
internal sealed partial class FrameSpectrum
{
    /// <summary>How the eigenspaces were formed (set by <see cref="Compute"/>).</summary>
    public EigenspaceGroupingResult GroupingReport { get; init; } = null!;

    /// <summary>The grouping <paramref name="options"/> asks for, with its description.</summary>
    internal static (EigenGroup[] Groups, int[] GroupOf, EigenspaceGroupingResult Report) Partition(double[] values, int rank, AnalysisOptions options)
    {
        var absolute = options.EigenspaceTolerance * values[0];
        var (groups, groupOf) = options.Grouping == EigenspaceGrouping.Gaps
            ? GroupByGaps(values, rank, absolute, options.GapRatio, options.MaxGroupSpread)
            : Group(values, rank, absolute);
        return (groups, groupOf, Describe(values, groups, options));
    }

    /// <summary>Consecutive (descending) eigenvalues within the tolerance of their predecessor share a group.</summary>
    internal static (EigenGroup[] Groups, int[] GroupOf) Group(double[] values, int rank, double tolerance)
    {
        var cuts = new List<int>();
        for (var k = 1; k < rank; k++)
        {
            if (values[k - 1] - values[k] > tolerance)
            {
                cuts.Add(k);
            }
        }

        return FromCuts(values, rank, cuts);
    }

    /// <summary>
    /// Relative-gap grouping (MATH.md section 3). A run of eigenvalues is one eigenspace when its consecutive differences
    /// are all within <paramref name="rounding"/> (degenerate to rounding), or when its spread s = ln(λ_first/λ_last) is
    /// at most <paramref name="maxSpread"/> and <paramref name="ratio"/>·s is at most the log-gaps ln(λ_k/λ_{k+1}) to its
    /// neighbours (a run with no neighbour, next to the null space or alone, needs only the spread bound). A run that is
    /// neither is split at its largest log-gap and both halves are examined again, down to single eigenvalues.
    /// </summary>
    internal static (EigenGroup[] Groups, int[] GroupOf) GroupByGaps(double[] values, int rank, double rounding, double ratio, double maxSpread)
    {
        double LogGap(int k) => Math.Log(values[k - 1] / values[k]); // gap between k − 1 and k, 0 < k < rank
        var cuts = new List<int>();
        var pending = new Stack<(int Start, int End)>();
        pending.Push((0, rank));
        while (pending.Count > 0)
        {
            var (a, b) = pending.Pop();
            var split = -1;
            var largest = -1.0;
            var rounded = true;
            for (var k = a + 1; k < b; k++)
            {
                rounded &= values[k - 1] - values[k] <= rounding;
                var gap = LogGap(k);
                if (gap > largest)
                {
                    largest = gap;
                    split = k;
                }
            }

            if (b - a <= 1 || rounded)
            {
                continue;
            }

            var spread = Math.Log(values[a] / values[b - 1]);
            var left = a > 0 ? LogGap(a) : double.PositiveInfinity;
            var right = b < rank ? LogGap(b) : double.PositiveInfinity;
            if (spread <= maxSpread && ratio * spread <= Math.Min(left, right))
            {
                continue;
            }

            cuts.Add(split);
            pending.Push((split, b));
            pending.Push((a, split));
        }

        cuts.Sort();
        return FromCuts(values, rank, cuts);
    }

    /// <summary>Groups [cut_j, cut_{j+1}) of the positive eigenvalues (mean value each), then the null space.</summary>
    private static (EigenGroup[] Groups, int[] GroupOf) FromCuts(double[] values, int rank, List<int> cuts)
    {
        var groups = new List<EigenGroup>();
        var groupOf = new int[values.Length];
        var bounds = new List<int> { 0 };
        bounds.AddRange(cuts);
        bounds.Add(rank);
        for (var g = 0; g + 1 < bounds.Count; g++)
        {
            var (start, end) = (bounds[g], bounds[g + 1]);
            double sum = 0;
            for (var j = start; j < end; j++)
            {
                sum += values[j];
                groupOf[j] = groups.Count;
            }

            groups.Add(new EigenGroup(start, end - start, sum / (end - start), IsNull: false));
        }

        if (rank < values.Length)
        {
            for (var j = rank; j < values.Length; j++)
            {
                groupOf[j] = groups.Count;
            }

            groups.Add(new EigenGroup(rank, values.Length - rank, 0.0, IsNull: true));
        }

        return ([.. groups], groupOf);
    }

    /// <summary>The largest spread inside a positive group and the smallest log-gap between two positive groups.</summary>
    private static EigenspaceGroupingResult Describe(double[] values, EigenGroup[] groups, AnalysisOptions options)
    {
        var positive = groups.Where(g => !g.IsNull).ToArray();
        var spread = positive.Max(g => Math.Log(values[g.Start] / values[g.Start + g.Count - 1]));
        double? boundary = positive.Length > 1
            ? positive.Skip(1).Min(g => Math.Log(values[g.Start - 1] / values[g.Start]))
            : null;
        var gaps = options.Grouping == EigenspaceGrouping.Gaps;
        var rule = gaps
            ? string.Create(CultureInfo.InvariantCulture,
                $"relative gaps: a run is one eigenspace when its spread ln(λ_first/λ_last) ≤ {options.MaxGroupSpread:g3} and {options.GapRatio:g3}× it is at most the log-gaps to its neighbours (differences ≤ {options.EigenspaceTolerance:g3}·λ_max always merge)")
            : string.Create(CultureInfo.InvariantCulture, $"fixed: consecutive eigenvalues within {options.EigenspaceTolerance:g3}·λ_max");
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{positive.Length} eigenspaces of {positive.Sum(g => g.Count)} positive eigenvalues; largest spread inside {spread:g3}")
            + (boundary is { } b ? string.Create(CultureInfo.InvariantCulture, $", smallest log-gap between {b:g3}") : "");
        return new EigenspaceGroupingResult(
            gaps ? "gaps" : "fixed",
            options.EigenspaceTolerance,
            gaps ? options.GapRatio : null,
            gaps ? options.MaxGroupSpread : null,
            positive.Length,
            spread,
            boundary,
            rule + "; " + detail);
    }

    /// <summary>
    /// Log-spaced bins between the smallest positive and the largest eigenvalue. Eigenvalues are binned by their
    /// eigenspace's value, so an exact degeneracy split by rounding never straddles a bin edge (the binned measure
    /// is then a coarsening of the eigenspace measure).
    /// </summary>
    internal static (double[] Edges, int[] BinOf) Bin(EigenGroup[] groups, int[] groupOf, int bins)
    {
        var positive = groups.Where(g => !g.IsNull).ToArray();
        var lowValue = positive[^1].Value;
        var highValue = positive[0].Value;
        var low = Math.Log(lowValue);
        var high = Math.Log(highValue);
        var edges = new double[bins + 1];
        for (var b = 0; b <= bins; b++)
        {
            edges[b] = Math.Exp(low + ((high - low) * b / bins));
        }

        edges[0] = lowValue;
        edges[bins] = highValue;
        var binOf = new int[groupOf.Length];
        for (var k = 0; k < groupOf.Length; k++)
        {
            var group = groups[groupOf[k]];
            if (group.IsNull)
            {
                binOf[k] = -1;
                continue;
            }

            // One eigenspace (tight frame): high == low and everything falls into bin 0.
            var position = high > low ? (Math.Log(group.Value) - low) / (high - low) * bins : 0.0;
            binOf[k] = Math.Clamp((int)Math.Floor(position), 0, bins - 1);
        }

        return (edges, binOf);
    }
}

/// <summary>One eigenspace: eigenvalue indices [Start, Start + Count) of the descending order.</summary>
internal sealed record EigenGroup(int Start, int Count, double Value, bool IsNull);
