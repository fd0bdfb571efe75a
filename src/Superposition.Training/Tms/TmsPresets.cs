namespace Superposition.Training.Tms;

/// <summary>
/// The configurations of Anthropic's published notebook for "Toy Models of Superposition" (Elhage et al. 2022;
/// MATH.md section 7), with its training setup exactly: <c>torch.optim.AdamW(model.parameters(), lr=1e-3)</c>
/// with PyTorch's defaults (betas 0.9/0.999, eps 1e-8, decoupled weight decay 0.01 on W and b), constant lr,
/// batch 1024, 10,000 steps, <c>xavier_normal_</c> on the whole <c>[instances, n, m]</c> tensor, b = 0, loss
/// averaged over batch and features per instance and summed over instances (instances are independent, so each
/// one's gradient is that of its own mean). Each returns full options that a caller may adjust with
/// <c>with { ... }</c>; a changed run is then no longer "the notebook's" and should be renamed.
/// </summary>
public static class TmsPresets
{
    /// <summary>Names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["5-2", "100-20", "200-20"];

    /// <summary>
    /// The notebook's training setup for any shape (used by the named presets and for toy frames of other shapes):
    /// n features, m hidden, one instance per feature probability, importance per feature (null: constant 1).
    /// </summary>
    public static TmsOptions Notebook(string name, int features, int hidden, IReadOnlyList<double> featureProbabilities, IReadOnlyList<double>? importance) => new()
    {
        Name = name,
        Features = features,
        Hidden = hidden,
        FeatureProbabilities = featureProbabilities,
        Importance = importance,
        Optimizer = ToyOptimizer.AdamW,
        LearningRate = 1e-3,
        Beta1 = 0.9,
        Beta2 = 0.999,
        Epsilon = 1e-8,
        WeightDecay = 0.01,
        Initialization = TmsInitialization.XavierWholeTensor,
        InitScale = 1.0,
        BatchSize = 1024,
        Steps = 10_000,
    };

    /// <summary>
    /// Source: the notebook's "Introduction Figure" cell. 5 features in 2 dims, 10 instances, importance 0.9^i,
    /// feature probability 20^(−linspace(0,1,10)) (1 down to 0.05).
    /// </summary>
    public static TmsOptions FiveTwo() =>
        Notebook("5-2", 5, 2, LogSpaced(20.0, 10), Geometric(5, i => Math.Pow(0.9, i)));

    /// <summary>
    /// Source: the notebook's "Visualizing features across varying sparsity" cell. 100 features in 20 dims,
    /// 20 instances, importance 100^(−linspace(0,1,100)), feature probability 20^(−linspace(0,1,20)).
    /// </summary>
    public static TmsOptions HundredTwenty() =>
        Notebook("100-20", 100, 20, LogSpaced(20.0, 20), Geometric(100, i => Math.Pow(100.0, -i / 99.0)));

    /// <summary>
    /// Source: the notebook's "Feature geometry" cell (the feature-dimensionality figure). 200 features in 20 dims,
    /// 20 instances, constant importance, feature probability 20^(−linspace(0,1,20)) (1 down to 0.05, so 1/(1−S)
    /// runs from 1 to 20).
    /// </summary>
    public static TmsOptions TwoHundredTwenty() =>
        Notebook("200-20", 200, 20, LogSpaced(20.0, 20), null);

    /// <summary>The preset with that name ("5-2", "100-20", "200-20"); InvalidArgument otherwise.</summary>
    public static TmsOptions ByName(string name) => name switch
    {
        "5-2" => FiveTwo(),
        "100-20" => HundredTwenty(),
        "200-20" => TwoHundredTwenty(),
        _ => throw Fail.InvalidArgument("preset", name, "one of 5-2, 100-20, 200-20"),
    };

    /// <summary>
    /// True when <paramref name="options"/> is the named preset's setup exactly (seed, seeds per instance, evaluation
    /// set, loss-curve points and instance subset aside): only then may a report call the run "the notebook's".
    /// </summary>
    public static bool IsNotebook(TmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Names.Contains(options.Name)) return false;
        var p = ByName(options.Name);
        return options.Features == p.Features && options.Hidden == p.Hidden
            && Same(options.FeatureProbabilities, p.FeatureProbabilities) && SameOrNull(options.Importance, p.Importance)
            && options.FrequencyProfile is null && options.TeacherScale is null
            && options.Optimizer == p.Optimizer && options.LearningRate == p.LearningRate && options.Beta1 == p.Beta1
            && options.Beta2 == p.Beta2 && options.Epsilon == p.Epsilon && options.WeightDecay == p.WeightDecay
            && options.Initialization == p.Initialization && options.InitScale == p.InitScale
            && options.BatchSize == p.BatchSize && options.Steps == p.Steps;
    }

    /// <summary><c>baseᐨlinspace(0,1,count)</c>: count values from 1 down to 1/base.</summary>
    public static double[] LogSpaced(double @base, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = count == 1 ? 0.0 : (double)i / (count - 1);
            values[i] = Math.Pow(@base, -t);
        }

        return values;
    }

    private static bool Same(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Count == b.Count && a.SequenceEqual(b);

    private static bool SameOrNull(IReadOnlyList<double>? a, IReadOnlyList<double>? b) =>
        a is null || b is null ? a is null && b is null : Same(a, b);

    private static double[] Geometric(int n, Func<int, double> value)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = value(i);
        return values;
    }
}
