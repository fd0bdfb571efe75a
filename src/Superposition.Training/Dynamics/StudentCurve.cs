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

/// <summary>Features counted as represented: student gain on feature i at least half the teacher's, g_i ≥ A_ii / 2.</summary>
internal static class RepresentedFeatures
{
    /// <summary>Count of i with <paramref name="gain"/>[i] ≥ teacher[i]/2 (gain = ‖w_i‖² for tied and bottleneck students, s_i for the linear one).</summary>
    public static int Count(ReadOnlySpan<float> gain, ReadOnlySpan<float> teacher)
    {
        int c = 0;
        for (int i = 0; i < gain.Length; i++)
            if (gain[i] >= 0.5f * teacher[i]) c++;
        return c;
    }
}
