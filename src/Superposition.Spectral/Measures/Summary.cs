namespace Superposition.Spectral.Measures;

/// <summary>Distribution of one per-feature quantity over the live features.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Population standard deviation.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="P10">10th percentile (linear interpolation between order statistics).</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Sum">Sum of the values.</param>
public sealed record Summary(
    int Count,
    double Mean,
    double StandardDeviation,
    double Min,
    double P10,
    double Median,
    double P90,
    double Max,
    double Sum)
{
    /// <summary>The summary of <paramref name="values"/> (all zero for none): the one home of the median and percentiles.</summary>
    public static Summary Of(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = values.ToArray();
        AscendingSort.Sort(sorted);
        double sum = 0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (var v in sorted)
        {
            squares += (v - mean) * (v - mean);
        }

        return new Summary(
            sorted.Length,
            mean,
            Math.Sqrt(squares / sorted.Length),
            sorted[0],
            Percentile(sorted, 0.1),
            Percentile(sorted, 0.5),
            Percentile(sorted, 0.9),
            sorted[^1],
            sum);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
