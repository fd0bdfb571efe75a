namespace Superposition.Training.Tms;

/// <summary>Which optimizer updates W and b.</summary>
public enum ToyOptimizer
{
    /// <summary>AdamW exactly as PyTorch's <c>torch.optim.AdamW</c> (decoupled weight decay, bias correction).</summary>
    AdamW,

    /// <summary>Plain gradient descent with constant learning rate (gradient flow; used for dynamics).</summary>
    Sgd,
}

/// <summary>How W is initialised (b is always 0).</summary>
public enum TmsInitialization
{
    /// <summary>
    /// The notebook's <c>nn.init.xavier_normal_</c> on the whole <c>[instances, n, m]</c> tensor: PyTorch's fans of a
    /// 3-D tensor are fan_in = n·m and fan_out = instances·m, so std = sqrt(2 / ((n + instances)·m)).
    /// </summary>
    XavierWholeTensor,

    /// <summary>Xavier-normal of each m×n matrix on its own: std = sqrt(2 / (n + m)). Not the notebook's.</summary>
    XavierPerMatrix,
}

/// <summary>
/// Settings of one toy-model run: several instances (one per feature probability) of
/// <c>h = W x</c>, <c>x' = ReLU(Wᵀ h + b)</c> trained side by side (MATH.md section 7).
/// The record's defaults are free settings, NOT the notebook's: AdamW, lr 1e-3, betas 0.9/0.999, eps 1e-8,
/// batch 1024, 10,000 steps like the notebook, but weight decay 0 and per-matrix Xavier-normal W.
/// For the notebook's exact setup (weight decay 0.01, whole-tensor Xavier) start from
/// <see cref="TmsPresets.Notebook"/> or one of its named presets.
/// </summary>
public sealed record TmsOptions
{
    /// <summary>Label written into outputs (a preset name such as "5-2", or "custom").</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Number of features n (input and output width). Default 5.</summary>
    public int Features { get; init; } = 5;

    /// <summary>Number of hidden dimensions m. Default 2.</summary>
    public int Hidden { get; init; } = 2;

    /// <summary>One instance per entry: the probability p = 1 − S that a feature is nonzero. Default: 0.05.</summary>
    public IReadOnlyList<double> FeatureProbabilities { get; init; } = [0.05];

    /// <summary>
    /// Per-feature frequency profile f_i in (0, 1] (length n): feature i is nonzero with probability p·f_i, where p is
    /// the instance's feature probability. Null means all ones (every feature has probability p, as in the notebook).
    /// Teacher–student runs use f_i = i^(−a).
    /// </summary>
    public IReadOnlyList<double>? FrequencyProfile { get; init; }

    /// <summary>Importance I_i per feature (length n); null means all ones.</summary>
    public IReadOnlyList<double>? Importance { get; init; }

    /// <summary>
    /// Teacher scale A_ii per feature (length n): the target is A x instead of x (teacher–student,
    /// MATH.md section 5). Null means the autoencoding target x.
    /// </summary>
    public IReadOnlyList<double>? TeacherScale { get; init; }

    /// <summary>Optimizer steps. Default 10,000.</summary>
    public int Steps { get; init; } = 10_000;

    /// <summary>Samples per step. Default 1024. Split internally into fixed chunks of 256 rows.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam β1. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam β2. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam ε. Default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay (AdamW, applied to W and b as <c>torch.optim.AdamW</c> does) or L2 term (SGD). Default 0 (the notebook's is AdamW's default 0.01).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Optimizer. Default AdamW.</summary>
    public ToyOptimizer Optimizer { get; init; } = ToyOptimizer.AdamW;

    /// <summary>Which Xavier-normal standard deviation W starts from. Default <see cref="TmsInitialization.XavierPerMatrix"/>.</summary>
    public TmsInitialization Initialization { get; init; } = TmsInitialization.XavierPerMatrix;

    /// <summary>Factor on the Xavier-normal standard deviation (see <see cref="Initialization"/>). Default 1; small values give "small init".</summary>
    public double InitScale { get; init; } = 1.0;

    /// <summary>Base seed; instance i with seed index s uses a stream derived from (Seed, i, s). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Seeds trained per instance; the one with the lowest evaluation loss is kept and all are reported
    /// (local minima exist, MATH.md section 7). Default 1.
    /// </summary>
    public int SeedsPerInstance { get; init; } = 1;

    /// <summary>
    /// Indices of the instances to train, or null for all. Each one trained is bit-identical to the same instance of
    /// the full run (its streams depend on its index, and the whole-tensor init counts every instance), so a test can
    /// check part of a preset without paying for all of it. Default null.
    /// </summary>
    public IReadOnlyList<int>? OnlyInstances { get; init; }

    /// <summary>Points of the loss curve, log-spaced in step from 1 to Steps. Default 40.</summary>
    public int LossCurvePoints { get; init; } = 40;

    /// <summary>Size of the fixed evaluation set (a fixed seed per instance index, independent of <see cref="Seed"/>) for the loss curve and final loss. Default 8192.</summary>
    public int EvaluationSamples { get; init; } = 8192;

    /// <summary>Standard deviation of the initial entries of W under <see cref="Initialization"/> and <see cref="InitScale"/>.</summary>
    public double InitialStd => InitScale * (Initialization == TmsInitialization.XavierWholeTensor
        ? Math.Sqrt(2.0 / ((Features + FeatureProbabilities.Count) * (double)Hidden))
        : Math.Sqrt(2.0 / (Features + Hidden)));

    /// <summary>Checks every setting and throws <see cref="SuperpositionException"/> (InvalidArgument) on the first bad one.</summary>
    public void Validate()
    {
        if (Features < 1) throw Fail.InvalidArgument("features", Features, "at least 1");
        if (Hidden < 1) throw Fail.InvalidArgument("hidden", Hidden, "at least 1");
        if (FeatureProbabilities.Count == 0) throw Fail.InvalidArgument("sparsities", "(none)", "at least one feature probability");
        foreach (double p in FeatureProbabilities)
        {
            if (!(p > 0 && p <= 1)) throw Fail.InvalidArgument("feature probability", p, "a value in (0, 1]");
        }

        if (OnlyInstances is not null && (OnlyInstances.Count == 0 || OnlyInstances.Any(i => i < 0 || i >= FeatureProbabilities.Count) || OnlyInstances.Distinct().Count() != OnlyInstances.Count))
            throw Fail.InvalidArgument("only instances", string.Join(",", OnlyInstances), $"distinct indices in [0, {FeatureProbabilities.Count})");
        if (Importance is not null && Importance.Count != Features)
            throw Fail.InvalidArgument("importance", Importance.Count, $"{Features} values (one per feature)");
        if (FrequencyProfile is not null && (FrequencyProfile.Count != Features || FrequencyProfile.Any(f => !(f > 0 && f <= 1))))
            throw Fail.InvalidArgument("frequency profile", FrequencyProfile.Count, $"{Features} values in (0, 1]");
        if (TeacherScale is not null && TeacherScale.Count != Features)
            throw Fail.InvalidArgument("teacher scale", TeacherScale.Count, $"{Features} values (one per feature)");
        if (Steps < 1) throw Fail.InvalidArgument("steps", Steps, "at least 1");
        if (BatchSize < 1) throw Fail.InvalidArgument("batch", BatchSize, "at least 1");
        if (!(LearningRate > 0)) throw Fail.InvalidArgument("lr", LearningRate, "a positive number");
        if (SeedsPerInstance < 1) throw Fail.InvalidArgument("seeds", SeedsPerInstance, "at least 1");
        if (EvaluationSamples < 1) throw Fail.InvalidArgument("evaluation samples", EvaluationSamples, "at least 1");
        if (!(InitScale > 0)) throw Fail.InvalidArgument("init scale", InitScale, "a positive number");
        if (!double.IsFinite(WeightDecay)) throw Fail.InvalidArgument("weight decay", WeightDecay, "a finite number (negative values are allowed)");
    }
}
