using Superposition.Onnx.Graph;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Places each analysed real layer among the toys of its own shape (n/m matched, m capped) across the sparsity sweep,
/// and against its null models; the verdict follows the rules of <see cref="Interpretation"/>.
/// </summary>
public static class BaselineComparer
{
    /// <summary>
    /// Compares every layer of <paramref name="analysis"/> (whose frames are read again from <paramref name="model"/> for the
    /// nulls) with the baseline sets in <paramref name="baselines"/> (one per shape the layers need; a missing shape
    /// leaves its layers not placed, with the reason).
    /// </summary>
    public static BaselineComparison Compare(OnnxModel model, ModelAnalysis analysis, IReadOnlyDictionary<ToyShape, ShapeBaseline> baselines,
        BaselineSettings settings, string source, ILinearAlgebraBackend backend, IProgress<LayerProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(settings);
        var options = analysis.Options.Analysis;
        var trajectories = new Dictionary<ToyShape, ToyTrajectory>();
        foreach (var (shape, set) in baselines.OrderBy(b => b.Key.Key, StringComparer.Ordinal)) trajectories[shape] = ToyTrajectory.Analyze(set, options, backend);

        var matrices = model.Matrices.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var layers = analysis.Layers;
        var placements = new LayerPlacement[layers.Count];
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, analysis.Options.MaxParallelism) };
        // Several layers at once: one BLAS thread each, as the model analysis does, or the cores are oversubscribed.
        var threaded = backend as IThreadedBackend;
        int blasThreads = threaded?.Threads ?? 1;
        if (layers.Count > 1 && parallel.MaxDegreeOfParallelism > 1) threaded?.SetThreads(1);
        try
        {
            Parallel.For(0, layers.Count, parallel, i =>
            {
                var layer = layers[i];
                if (!matrices.TryGetValue(layer.Name, out var matrix)) throw Fail.Internal($"layer '{layer.Name}' is not a weight matrix of {model.FileName}");
                var orientation = matrix.Orient(analysis.Options.Orientation);
                var frame = new FrameInput(layer.Name, orientation.Hidden, orientation.Features, matrix.ReadFrame(orientation.FeatureAxis));
                placements[i] = Place(layer, frame, trajectories, settings, options, backend);
                progress?.Report(new LayerProgress(Interlocked.Increment(ref done), layers.Count, layer.Name));
            });
        }
        finally
        {
            threaded?.SetThreads(blasThreads);
        }

        return new BaselineComparison(source, settings, trajectories, placements);
    }

    /// <summary>Places one analysed frame (a real layer, or any frame) among the trajectories.</summary>
    public static LayerPlacement Place(LayerAnalysis layer, FrameInput frame, IReadOnlyDictionary<ToyShape, ToyTrajectory> trajectories,
        BaselineSettings settings, AnalysisOptions options, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(settings);
        var signature = LayerSignature.From(layer);
        var nulls = NullModels.Analyze(frame, options, backend);
        var against = NullComparison.Of(signature, nulls);
        string? caveat = layer.ByConstruction && layer.Notes.Count > 0 ? layer.Notes[0] : null;
        var shape = settings.ShapeFor(layer.Features, layer.Hidden);
        if (shape.Features > settings.MaxFeatures)
        {
            return new LayerPlacement(layer.Name, layer.Features, layer.Hidden, signature, LayerRegime.NotPlaced, null, against, nulls,
                $"n/m = {layer.Features / (double)layer.Hidden:0.#} needs a toy of {shape} (more than {settings.MaxFeatures} features)", caveat);
        }

        if (!trajectories.TryGetValue(shape, out var trajectory))
        {
            return new LayerPlacement(layer.Name, layer.Features, layer.Hidden, signature, LayerRegime.NotPlaced, null, against, nulls,
                $"no baseline of shape {shape} was available", caveat);
        }

        var fit = trajectory.Place(signature);
        var closeness = Interpretation.ClosenessOf(fit.Distance);
        var nearestToy = trajectory.Baseline.Frames.Where(f => f.Run == fit.Run)
            .MinBy(f => Math.Abs(Math.Log(f.FeatureProbability) - Math.Log(fit.FeatureProbability)))!;
        var placement = new BaselinePlacement(fit.FeatureProbability, fit.Low, fit.High, fit.Distance, shape, closeness,
            ToyRegime.Describe(nearestToy, shape, options, backend), trajectory.RunSpread);
        return new LayerPlacement(layer.Name, layer.Features, layer.Hidden, signature, Interpretation.RegimeOf(closeness, against.Structured),
            placement, against, nulls, null, caveat);
    }
}
