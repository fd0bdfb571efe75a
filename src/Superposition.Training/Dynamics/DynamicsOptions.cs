using Superposition.Training.Tms;

namespace Superposition.Training.Dynamics;

/// <summary>One data setting: feature frequencies p_i ∝ i^(−a), teacher importances A_ii ∝ i^(−b) (i = 1..N).</summary>
public sealed record PowerLawSetting(double A, double B)
{
    /// <summary>The diagonal-linear prediction α = (a + 2b − 1)/a (MATH.md section 5, our derivation).</summary>
    public double DiagonalLinearAlpha => (A + (2 * B) - 1) / A;
}

/// <summary>
/// Teacher–student dynamics (MATH.md section 5). The student is the toy model x' = ReLU(Wᵀ W x + b) with W of
/// K×N, trained on target A x with feature i present with probability i^(−a) (value U[0,1]) and A_ii = i^(−b).
/// Two widths per setting: K = N (no superposition needed) and K = <see cref="Bottleneck"/> &lt; N.
/// Defaults: N = 50, K = 10, plain SGD lr 0.5 from Xavier-normal init (InitScale 1: small init, 0.05, gives long
/// saddle plateaus instead of a power law within 20k steps), batch 512, 20,000 steps,
/// 60 log-spaced curve points, fit window [Steps/100, Steps].
/// </summary>
public sealed record DynamicsOptions
{
    /// <summary>Number of features N. Default 50.</summary>
    public int Features { get; init; } = 50;

    /// <summary>Bottleneck width K &lt; N of the superposition student. Default 10.</summary>
    public int Bottleneck { get; init; } = 10;

    /// <summary>The (a, b) settings. Default (1.5, 0), (1.5, 0.5), (2, 1).</summary>
    public IReadOnlyList<PowerLawSetting> Settings { get; init; } = [new(1.5, 0.0), new(1.5, 0.5), new(2.0, 1.0)];

    /// <summary>Optimizer steps. Default 20,000.</summary>
    public int Steps { get; init; } = 20_000;

    /// <summary>Batch size. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Optimizer. Default SGD (gradient flow, as the theory assumes).</summary>
    public ToyOptimizer Optimizer { get; init; } = ToyOptimizer.Sgd;

    /// <summary>Learning rate. Default 0.5.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Factor on the Xavier-normal std (small values give "small init"). Default 1.</summary>
    public double InitScale { get; init; } = 1.0;

    /// <summary>Base seed. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Loss-curve points, log-spaced. Default 60.</summary>
    public int CurvePoints { get; init; } = 60;

    /// <summary>Evaluation-set size for the loss curve. Default 8192.</summary>
    public int EvaluationSamples { get; init; } = 8192;

    /// <summary>First step of the fit window. Default 0 meaning Steps/100.</summary>
    public int FitFromStep { get; init; }

    /// <summary>Last step of the fit window. Default 0 meaning Steps.</summary>
    public int FitToStep { get; init; }

    internal int FitFrom => FitFromStep > 0 ? FitFromStep : Math.Max(1, Steps / 100);

    internal int FitTo => FitToStep > 0 ? FitToStep : Steps;

    /// <summary>The toy-model options of one student.</summary>
    public TmsOptions Student(PowerLawSetting setting, int width)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var freq = new double[Features];
        var teacher = new double[Features];
        for (int i = 0; i < Features; i++)
        {
            freq[i] = Math.Pow(i + 1, -setting.A);
            teacher[i] = Math.Pow(i + 1, -setting.B);
        }

        return new TmsOptions
        {
            Name = FormattableString.Invariant($"ts-a{setting.A}-b{setting.B}-K{width}"),
            Features = Features,
            Hidden = width,
            FeatureProbabilities = [1.0],
            FrequencyProfile = freq,
            TeacherScale = teacher,
            Steps = Steps,
            BatchSize = BatchSize,
            Optimizer = Optimizer,
            LearningRate = LearningRate,
            InitScale = InitScale,
            Seed = Seed,
            LossCurvePoints = CurvePoints,
            EvaluationSamples = EvaluationSamples,
        };
    }
}
