using Superposition.Training.Tms;

namespace Superposition.Reports.Baselines;

/// <summary>Trains the toy frames of one baseline shape through the tool's own trainer (seeded, deterministic).</summary>
public static class BaselineTrainer
{
    public static ShapeBaseline Train(ToyShape shape, BaselineSettings settings, IProgress<ToyProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.TrainerOptions(shape);
        var run = TmsTrainer.Train(options, progress, cancellation);
        int perRun = settings.FeatureProbabilities.Count;
        var frames = run.Instances
            .Select(r => new ToyFrame(r.Instance / perRun, r.FeatureProbability, r.FinalLoss, r.W.ToArray()))
            .ToList();
        return new ShapeBaseline(shape, settings.Fingerprint(shape), frames);
    }
}
