namespace Superposition.Training.Dynamics;

/// <summary>A loss curve in gradient-flow time: L(t_j) at log-spaced t_j (t = η · step), with the features represented at each point.</summary>
public sealed record StudentCurve(IReadOnlyList<double> Times, IReadOnlyList<double> Losses, IReadOnlyList<int> Represented, IReadOnlyList<double> DimensionsPerK)
{
    /// <summary>
    /// The recording steps: round(10^(k/perDecade) / η) for k = 0, 1, … while t ≤ duration, duplicates dropped,
    /// plus the last step. Step 0 (the init) is not recorded: log t is undefined there.
    /// </summary>
    internal static int[] RecordSteps(DynamicsOptions o)
    {
        var steps = new SortedSet<int>();
        for (int k = 0; ; k++)
        {
            double t = Math.Pow(10, k / (double)o.PointsPerDecade);
            if (t > o.Duration * (1 + 1e-12)) break;
            steps.Add(Math.Max(1, (int)Math.Round(t / o.LearningRate)));
        }

        steps.Add(o.Steps);
        return [.. steps];
    }

    /// <summary>Index of the recorded point nearest to <paramref name="time"/> in log t.</summary>
    public int NearestIndex(double time)
    {
        int best = 0;
        for (int j = 1; j < Times.Count; j++)
            if (Math.Abs(Math.Log(Times[j] / time)) < Math.Abs(Math.Log(Times[best] / time))) best = j;
        return best;
    }
}

/// <summary>
/// Features counted as represented: with feature i alone active, the student's error on output i,
/// E_v (ŷ_i − A_ii v)², is below half the error of ignoring it, A_ii² E[v²] / 2. For a linear gain g this is
/// (g − A)² &lt; A²/2; for the bottleneck it uses the ReLU output ReLU(v ‖w_i‖² + b_i) (bias included, so a column
/// grown by negative weight decay but gated off by its bias does not count).
/// </summary>
internal static class RepresentedFeatures
{
    /// <summary>Count for per-feature linear gains (s_i for the linear student, ‖w_i‖² for the tied one).</summary>
    public static int Count(ReadOnlySpan<float> gain, ReadOnlySpan<float> teacher)
    {
        int c = 0;
        for (int i = 0; i < gain.Length; i++)
        {
            double e = gain[i] - (double)teacher[i];
            if (e * e < 0.5 * teacher[i] * teacher[i]) c++;
        }

        return c;
    }

    /// <summary>Count for the bottleneck: ∫₀¹ (ReLU(v G_ii + b_i) − A_ii v)² dv &lt; A_ii² / 6.</summary>
    public static int Count(ReadOnlySpan<float> selfGain, ReadOnlySpan<float> bias, ReadOnlySpan<float> teacher)
    {
        int c = 0;
        for (int i = 0; i < selfGain.Length; i++)
            if (BottleneckLoss.ReluSquaredError(selfGain[i], bias[i], teacher[i]) < teacher[i] * (double)teacher[i] / 6.0) c++;
        return c;
    }
}
