using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Analyses every selected weight matrix of a model: layers run in parallel while their memory estimates fit the
/// budget; a layer whose analysis throws is reported as failed with its reason and the others go on. Results keep
/// the model's order.
/// </summary>
public static class ModelAnalyzer
{
    public static ModelAnalysis Analyze(
        OnnxModel model,
        ModelAnalysisOptions options,
        ILinearAlgebraBackend backend,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default,
        ILayerCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        if (!(options.SoloLayerFlops >= 0)) throw Fail.InvalidArgument("SoloLayerFlops", options.SoloLayerFlops, "a number of FLOPs >= 0");
        var clock = Stopwatch.StartNew();
        var selection = new LayerSelection(options.LayerPatterns);
        // Tensors that are not frames are listed only when every layer was asked for (a pattern selects frames).
        var skipped = selection.SelectsAll
            ? model.NotFrames.Select(t => new SkippedLayer(t.Name, t.Uses.FirstOrDefault()?.Op ?? "(unused)", t.Dims, t.DataType.Name(), t.NotAFrameReason!)).ToList()
            : [];
        var chosen = model.Matrices.Where(selection.Matches).ToList();
        if (chosen.Count == 0 && !selection.SelectsAll)
        {
            throw Fail.InvalidArgument("layer patterns", string.Join(",", options.LayerPatterns),
                $"a pattern matching at least one of the {model.Matrices.Count} weight matrices");
        }

        var planned = chosen.Select(c => c.Name).ToList();
        var costs = chosen.Select(c => LayerCost.Flops(c, options.Analysis)).ToList();
        if (options.Shard.Count > 1)
        {
            // A shard lists the tensors that are not frames only once (shard 1), so merged parts equal one run.
            var owner = ShardPlan.Assign(costs, options.Shard.Count);
            var mine = Enumerable.Range(0, chosen.Count).Where(i => owner[i] == options.Shard.Index).ToList();
            chosen = mine.Select(i => chosen[i]).ToList();
            costs = mine.Select(i => costs[i]).ToList();
            if (options.Shard.Index != 1) skipped.Clear();
        }

        var budget = new MemoryBudget(options.MemoryBudgetBytes);
        var results = new LayerAnalysis?[chosen.Count];
        var failures = new FailedLayer?[chosen.Count];
        var degenerate = new SkippedLayer?[chosen.Count];
        // Largest first balances the parallel loop; results are stored by index, so output order is the model's.
        var order = Enumerable.Range(0, chosen.Count).OrderByDescending(i => costs[i]).ThenBy(i => i).ToArray();
        var isSolo = chosen.Select((c, i) => costs[i] >= options.SoloLayerFlops || LayerCost.HasSinglePrecisionPart(c, options.Analysis)).ToArray();
        var solo = order.Where(i => isSolo[i]).ToArray();
        var shared = order.Where(i => !isSolo[i]).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellation };
        // BLAS threads: every one for the solo layers; for the shared ones sized to the layers that can run at once
        // (cores ÷ lanes). Both are fixed by the shapes: a count that followed the layers actually running would depend
        // on timing, and OpenBLAS' summation order (so the last bits) on the count.
        var threaded = backend as IThreadedBackend;
        int blasThreads = threaded?.Threads ?? 1;
        int lanes = Math.Max(1, Math.Min(parallel.MaxDegreeOfParallelism, shared.Length));
        var run = new LayerRun(budget, checkpoint, new ProgressClock(costs, progress));
        try
        {
            var oneAtATime = new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = cancellation };
            using (SoleCaller.Enter())
            {
                RunLayers(chosen, solo, oneAtATime, run, options, backend, results, failures, degenerate, cancellation);
            }

            if (lanes > 1) threaded?.SetThreads(Math.Max(1, Math.Max(blasThreads, Environment.ProcessorCount) / lanes));
            RunLayers(chosen, shared, parallel, run, options, backend, results, failures, degenerate, cancellation);
        }
        finally
        {
            threaded?.SetThreads(blasThreads);
        }

        skipped.AddRange(degenerate.OfType<SkippedLayer>());
        return new ModelAnalysis(Identify(model), backend.Name, options, results.OfType<LayerAnalysis>().ToList(), skipped, clock.Elapsed.TotalSeconds)
        {
            Failed = failures.OfType<FailedLayer>().ToList(),
            PlannedLayers = planned,
        };
    }

    private static void RunLayers(List<WeightMatrix> chosen, int[] order, ParallelOptions parallel, LayerRun run, ModelAnalysisOptions options,
        ILinearAlgebraBackend backend, LayerAnalysis?[] results, FailedLayer?[] failures, SkippedLayer?[] degenerate, CancellationToken cancellation)
    {
        var budget = run.Budget;
        // One layer at a time from the shared queue, largest first: the default range partitioning of an array hands a
        // worker growing chunks of consecutive layers, so one lane could end with several left while the other idled.
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), parallel, i =>
        {
            var matrix = chosen[i];
            try
            {
                if (run.Checkpoint?.TryLoad(matrix.Name) is { } saved)
                {
                    results[i] = saved;
                }
                else
                {
                    long need = EstimateBytes(matrix, backend);
                    if (need > budget.BudgetBytes) throw Fail.LayerTooLarge(matrix.Name, need, budget.BudgetBytes);
                    using (budget.Acquire(need, cancellation))
                    {
                        run.Clock.Started(i, matrix.Name);
                        results[i] = AnalyzeLayer(matrix, options, backend);
                    }

                    run.Checkpoint?.Save(results[i]!);
                }
            }
            catch (SuperpositionException e) when (e.Kind == ErrorKind.DegenerateLayer)
            {
                // All-zero weights: a valid model's degenerate layer, listed with the reason, not a failure.
                degenerate[i] = new SkippedLayer(matrix.Name, matrix.Op, matrix.Tensor.Dims, matrix.Tensor.DataType.Name(), e.Message) { Degenerate = true };
            }
            catch (SuperpositionException e)
            {
                failures[i] = Failure(matrix, e.Kind, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug, not the user's input: its own family, never an invalid argument.
                failures[i] = Failure(matrix, ErrorKind.Internal, $"internal error {e.GetType().Name}: {e.Message}");
            }

            run.Clock.Finished(i, matrix.Name);
        });
    }

    /// <summary>Analyses one weight matrix as a frame in the chosen orientation.</summary>
    public static LayerAnalysis AnalyzeLayer(WeightMatrix matrix, ModelAnalysisOptions options, ILinearAlgebraBackend backend)
    {
        var clock = Stopwatch.StartNew();
        var frame = matrix.Orient(options.Orientation);
        LargeArrays.Release(frame.Features, frame.Hidden);
        var values = matrix.ReadFrameInBlocks(frame.FeatureAxis, options.Analysis.FeatureBlockSize);
        if (values.All(v => v == 0)) throw Fail.DegenerateLayer(matrix.Name, frame.Features, frame.Hidden);
        var input = new FrameInput(matrix.Name, frame.Hidden, frame.Features, values);
        var analysis = FrameAnalyzer.Analyze(input, options.Analysis, backend);
        bool fixedTransform = LayerNotes.IsFixedTransform(matrix);
        if (fixedTransform && analysis.HeavyTail.PowerLaw.Succeeded)
        {
            // WeightWatcher's bands grade training; a fixed STFT or filter-bank basis was never trained (α of 14–19 seen).
            analysis = analysis with
            {
                HeavyTail = analysis.HeavyTail with { Quality = "fixed transform", QualityReason = "not graded: the weights are a fixed, non-learned transform" },
            };
        }

        var tensor = matrix.Tensor;
        return new LayerAnalysis(matrix.Name, tensor.Name, matrix.Op, matrix.Layer, tensor.Dims, tensor.DataType.Name(), frame.Label,
            frame.Description, frame.Features, frame.Hidden, tensor.Decoding, LayerNotes.For(matrix, analysis), clock.Elapsed.TotalSeconds, analysis,
            matrix.OvercompleteByConstruction || fixedTransform);
    }

    /// <summary>Peak bytes of one layer's analysis on <paramref name="backend"/> (<see cref="LayerCost.Bytes"/>).</summary>
    public static long EstimateBytes(WeightMatrix matrix, ILinearAlgebraBackend? backend = null) =>
        LayerCost.Bytes(matrix.Rows, matrix.Columns, backend is null || BlockKernels.For(backend).SupportsLq);

    private static FailedLayer Failure(WeightMatrix matrix, ErrorKind kind, string reason) =>
        new(matrix.Name, matrix.Op, matrix.Tensor.Dims, matrix.Tensor.DataType.Name(), kind, reason);

    private static ModelIdentity Identify(OnnxModel model)
    {
        string sha = "";
        if (File.Exists(model.Path))
        {
            using var stream = File.OpenRead(model.Path);
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return new ModelIdentity(model.Path, sha, model.FileBytes, model.Producer, model.IrVersion,
            model.Opsets.Select(o => o.ToString()).ToList(), model.ParameterCount, model.NodeCount);
    }
}
