using System.Globalization;
using Superposition.Training.Tms;

namespace Superposition.Reports.Baselines;

/// <summary>
/// How layer-matched toy baselines are trained: the model and loss of Anthropic's notebook (MATH.md §7) with constant
/// importance, at the layer's n/m with m capped, across a sparsity sweep, four independent runs per probability.
/// Training is kept cheap on purpose: m ≤ <see cref="HiddenCap"/> and <see cref="Steps"/> steps instead of the
/// notebook's 10,000 (the toys are read as baselines for placement, not as converged reproductions; the recovery
/// test checks that placement works with exactly these settings).
/// </summary>
public sealed record BaselineSettings
{
    /// <summary>The settings of the shipped and cached default baselines.</summary>
    public static BaselineSettings Default { get; } = new();

    /// <summary>Largest toy hidden width m. Default 4.</summary>
    public int HiddenCap { get; init; } = 4;

    /// <summary>Largest toy feature count n; a layer whose n/m needs more is not placed (reason given). Default 512.</summary>
    public int MaxFeatures { get; init; } = 512;

    /// <summary>Optimizer steps per toy. Default 2,000 (the notebook trains 10,000).</summary>
    public int Steps { get; init; } = 2_000;

    /// <summary>Samples per step. Default 1024 (the notebook's).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Feature probabilities 1 − S of the sweep: 10^(−linspace(0, 2, 9)), from 1 (dense) to 0.01.</summary>
    public IReadOnlyList<double> FeatureProbabilities { get; init; } = Enumerable.Range(0, 9).Select(i => Math.Pow(10, -i / 4.0)).ToArray();

    /// <summary>Independent runs per probability (their spread sets the placement interval). Default 4: with two, the recovery test placed a 30 × 3 toy trained at p = 0.03 at 0.060 and its interval missed the truth.</summary>
    public int Runs { get; init; } = 4;

    /// <summary>Base seed of the runs. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The toy shape matched to a layer of <paramref name="features"/> × <paramref name="hidden"/>.</summary>
    public ToyShape ShapeFor(int features, int hidden)
    {
        int m = Math.Min(hidden, HiddenCap);
        int n = Math.Max(m, (int)Math.Round(features * (double)m / hidden, MidpointRounding.AwayFromZero));
        return new ToyShape(n, m);
    }

    /// <summary>
    /// The trainer options of one shape: every probability repeated <see cref="Runs"/> times as separate instances (each
    /// instance index has its own random streams, so the repeats are independent runs); the trainer's own defaults for
    /// everything else (optimizer, lr, betas, weight decay, init).
    /// </summary>
    public TmsOptions TrainerOptions(ToyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new TmsOptions
        {
            Name = shape.Key,
            Features = shape.Features,
            Hidden = shape.Hidden,
            Importance = null,
            FeatureProbabilities = Enumerable.Range(0, Runs).SelectMany(_ => FeatureProbabilities).ToArray(),
            Steps = Steps,
            BatchSize = BatchSize,
            Seed = Seed,
            SeedsPerInstance = 1,
            LossCurvePoints = 2,
        };
    }

    /// <summary>
    /// Everything that decides the trained frames, as one line: a stored baseline whose fingerprint differs is stale
    /// and is retrained (e.g. after the trainer's defaults change).
    /// </summary>
    public string Fingerprint(ToyShape shape)
    {
        var o = TrainerOptions(shape);
        return string.Create(CultureInfo.InvariantCulture,
            $"tms n={o.Features} m={o.Hidden} p=[{string.Join(' ', o.FeatureProbabilities.Take(FeatureProbabilities.Count).Select(p => p.ToString("R", CultureInfo.InvariantCulture)))}] runs={Runs} "
            + $"steps={o.Steps} batch={o.BatchSize} opt={o.Optimizer} lr={o.LearningRate:R} b1={o.Beta1:R} b2={o.Beta2:R} eps={o.Epsilon:R} wd={o.WeightDecay:R} init={o.InitScale:R} seed={o.Seed} eval={o.EvaluationSamples} importance=1");
    }

    /// <summary>Rough floating-point work of training one shape (10·batch·n·m per instance and step, as benchmarks/results/training.md counts it).</summary>
    public double TrainingFlops(ToyShape shape) => 10.0 * BatchSize * shape.Features * shape.Hidden * FeatureProbabilities.Count * Runs * Steps;
}

/// <summary>The shape of a toy baseline: n features in m hidden dimensions.</summary>
public sealed record ToyShape(int Features, int Hidden)
{
    /// <summary>File stem and cache key, e.g. <c>tms-16x4</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"tms-{Features}x{Hidden}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Features} × {Hidden}");
}
