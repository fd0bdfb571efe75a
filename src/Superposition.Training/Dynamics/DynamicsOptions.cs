namespace Superposition.Training.Dynamics;

/// <summary>One data setting: feature frequencies p_i ∝ i^(−a), teacher importances A_ii = i^(−b) (i = 1..N).</summary>
public sealed record PowerLawSetting(double A, double B)
{
    /// <summary>The linear-in-parameters (diagonal) student's exponent (a + 2b − 1)/a (MATH.md section 5).</summary>
    public double LinearAlpha => (A + (2 * B) - 1) / A;

    /// <summary>The tied student's sequential exponent (a + 2b − 1)/(a + b) (MATH.md section 5, up to log factors).</summary>
    public double TiedAlpha => (A + (2 * B) - 1) / (A + B);
}

/// <summary>
/// Teacher–student dynamics (MATH.md section 5, Chen, Chen, Liu, Gore 2026). Data: feature i is active with
/// probability p_i = <see cref="ExpectedActive"/> · i^(−a) / Σ_j j^(−a) (default: one active feature per sample on
/// average), value v ~ U[0, 1] when active; target y = A x with A_ii = i^(−b). Loss: E Σ_j (ŷ_j − y_j)² (summed over
/// outputs, expectation over samples). Students: linear ŷ_i = s_i x_i (s = 0 at start); tied ŷ_i = ‖w_i‖² x_i with
/// w_i ∈ R^K on its own axis (K = N, no interference); bottleneck ŷ = ReLU(Wᵀ W x + b) with W of K×N, K &lt; N.
/// All three are trained by minibatch SGD on the same sampled data; time is gradient-flow time t = η · step.
/// Defaults: N = 1000, K = 20, the four settings (1.5, 0), (1.5, 0.5), (2, 1), (2.5, 0), 3 seeds, η = 0.5,
/// batch 16, t up to 10⁴ (20,000 steps), init W_ki ~ N(0, 10⁻⁶), b = 0, weight decay on W swept over −3e-4, 0, 3e-4,
/// fit window t ∈ [10, 10⁴], 10 curve points per decade.
/// </summary>
public sealed record DynamicsOptions
{
    /// <summary>Number of features N. Default 1000.</summary>
    public int Features { get; init; } = 1000;

    /// <summary>Bottleneck width K &lt; N of the superposition student. Default 20 (N/K = 50).</summary>
    public int Bottleneck { get; init; } = 20;

    /// <summary>The (a, b) settings. Default (1.5, 0), (1.5, 0.5), (2, 1), (2.5, 0).</summary>
    public IReadOnlyList<PowerLawSetting> Settings { get; init; } = [new(1.5, 0.0), new(1.5, 0.5), new(2.0, 1.0), new(2.5, 0.0)];

    /// <summary>Expected number of active features per sample, Σ p_i (the normalisation of the frequencies). Default 1.</summary>
    public double ExpectedActive { get; init; } = 1.0;

    /// <summary>Seeds per student (data stream and init). Default 3.</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>Base seed. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>SGD learning rate η (time per step). Default 0.5.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Samples per SGD step. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Gradient-flow time at the end of training, t = η · steps. Default 10⁴.</summary>
    public double Duration { get; init; } = 1e4;

    /// <summary>Standard deviation of the initial W entries (small init); the tied student's w_i are drawn the same way. Default 1e-3 (‖w_i‖² ≈ K·10⁻⁶ at start).</summary>
    public double InitStd { get; init; } = 1e-3;

    /// <summary>Weight decays on W of the bottleneck student (negative forces strong superposition). Default −3e-4, 0, 3e-4.</summary>
    public IReadOnlyList<double> WeightDecays { get; init; } = [-3e-4, 0.0, 3e-4];

    /// <summary>First time of the fit window. Default 10.</summary>
    public double FitFrom { get; init; } = 10;

    /// <summary>Last time of the fit window. Default 10⁴.</summary>
    public double FitTo { get; init; } = 1e4;

    /// <summary>Loss-curve points per decade of t (log-spaced from t = 1). Default 10.</summary>
    public int PointsPerDecade { get; init; } = 10;

    /// <summary>Fixed samples with two or more active features for the bottleneck's loss estimate (the rest is exact). Default 4096.</summary>
    public int MultiFeatureSamples { get; init; } = 4096;

    /// <summary>Optimizer steps: Duration / LearningRate, rounded up.</summary>
    public int Steps => (int)Math.Ceiling(Duration / LearningRate);

    internal void Validate()
    {
        if (Features < 2) throw Fail.InvalidArgument("features", Features, "at least 2");
        if (Bottleneck < 1 || Bottleneck >= Features) throw Fail.InvalidArgument("bottleneck", Bottleneck, $"a width in [1, {Features - 1}] (below the feature count)");
        if (Settings.Count == 0) throw Fail.InvalidArgument("settings", "(none)", "at least one (a, b) setting");
        foreach (var s in Settings)
            if (!(s.A > 0) || !double.IsFinite(s.B)) throw Fail.InvalidArgument("setting", $"{s.A},{s.B}", "a > 0 and a finite b");
        if (!(ExpectedActive > 0)) throw Fail.InvalidArgument("expected active", ExpectedActive, "a positive number");
        if (Seeds < 1) throw Fail.InvalidArgument("seeds", Seeds, "at least 1");
        if (!(LearningRate > 0)) throw Fail.InvalidArgument("learning rate", LearningRate, "a positive number");
        if (BatchSize < 1) throw Fail.InvalidArgument("batch", BatchSize, "at least 1");
        if (!(Duration >= 1)) throw Fail.InvalidArgument("duration", Duration, "at least 1");
        if (!(InitStd > 0)) throw Fail.InvalidArgument("init std", InitStd, "a positive number");
        if (WeightDecays.Count == 0 || WeightDecays.Any(w => !double.IsFinite(w))) throw Fail.InvalidArgument("weight decays", string.Join(",", WeightDecays), "one or more finite numbers");
        if (!(FitFrom > 0) || !(FitTo > FitFrom) || FitTo > Duration) throw Fail.InvalidArgument("fit window", $"[{FitFrom}, {FitTo}]", $"0 < t0 < t1 ≤ duration {Duration}");
        if (PointsPerDecade < 2) throw Fail.InvalidArgument("points per decade", PointsPerDecade, "at least 2");
        if (MultiFeatureSamples < 1) throw Fail.InvalidArgument("multi-feature samples", MultiFeatureSamples, "at least 1");
    }
}
