namespace Superposition.Training.Tms;

/// <summary>Loss on the fixed evaluation set after <paramref name="Step"/> optimizer steps (step 0 = at init).</summary>
public sealed record LossPoint(int Step, double Loss);

/// <summary>One seed's outcome for an instance: its seed (reproduce with Seed = this, SeedsPerInstance = 1) and final loss.</summary>
public sealed record SeedOutcome(ulong Seed, double FinalLoss);

/// <summary>
/// A trained toy model: one instance (one feature probability) of a run. <see cref="W"/> is m×n row-major
/// (<c>W[k·n + i]</c> = hidden unit k, feature i; column i is feature vector w_i), <see cref="Bias"/> has n entries.
/// When several seeds were trained, this is the one with the lowest final loss; <see cref="Seeds"/> lists all.
/// </summary>
public sealed record TmsInstanceResult(
    int Instance,
    double FeatureProbability,
    int Features,
    int Hidden,
    ulong Seed,
    double FinalLoss,
    IReadOnlyList<LossPoint> LossCurve,
    IReadOnlyList<float> W,
    IReadOnlyList<float> Bias,
    IReadOnlyList<SeedOutcome> Seeds)
{
    /// <summary>True when more than one seed was trained and the lowest-loss one kept.</summary>
    public bool KeptBestOfSeveral => Seeds.Count > 1;

    /// <summary>Entry W[k, i] (hidden k, feature i).</summary>
    public float At(int k, int i) => W[(k * Features) + i];
}

/// <summary>A finished run: the options used, one result per instance, and the wall time.</summary>
public sealed record TmsRunResult(TmsOptions Options, IReadOnlyList<TmsInstanceResult> Instances, TimeSpan Elapsed)
{
    /// <summary>Optimizer steps per second of the whole run (all instances and seeds advancing one step).</summary>
    public double StepsPerSecond => Options.Steps * (double)Options.SeedsPerInstance / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>Progress of a long run: <paramref name="Completed"/> of <paramref name="Total"/> units of <paramref name="Stage"/>.</summary>
public sealed record ToyProgress(string Stage, long Completed, long Total);
