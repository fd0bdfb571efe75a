using System.Diagnostics;

namespace Superposition.Training.Tms;

/// <summary>
/// Trains toy models of superposition (MATH.md section 7): every (instance, seed) pair is an independent
/// worker with its own seeded streams, so the result depends only on the options, not on thread timing.
/// With at least as many workers as cores, workers run in parallel; otherwise each worker's batch chunks do.
/// </summary>
public static class TmsTrainer
{
    /// <summary>Trains every instance (and every seed of it), keeping the lowest-loss seed per instance.</summary>
    public static TmsRunResult Train(TmsOptions options, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        int[] chosen = options.OnlyInstances?.ToArray() ?? [.. Enumerable.Range(0, options.FeatureProbabilities.Count)];
        int instances = chosen.Length;
        int seeds = options.SeedsPerInstance;
        int items = instances * seeds;
        var runs = new (ulong Seed, float[] Params, double Loss, LossPoint[] Curve)[items];
        int[] curveSteps = CurveSteps(options.Steps, options.LossCurvePoints);
        long total = (long)items * options.Steps;
        long done = 0;
        string stage = $"train {options.Name}";
        void OnSteps(int k) => progress?.Report(new ToyProgress(stage, Interlocked.Add(ref done, k), total));

        void RunItem(int item, bool parallelChunks)
        {
            int instance = chosen[item / seeds];
            ulong seed = options.Seed + (ulong)(item % seeds);
            var worker = new TmsWorker(options, instance, seed);
            var (loss, curve) = worker.Run(parallelChunks, curveSteps, OnSteps, cancellationToken);
            runs[item] = (seed, worker.Parameters, loss, curve);
        }

        if (items >= Environment.ProcessorCount && Environment.ProcessorCount > 1)
        {
            var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, items, po, item => RunItem(item, parallelChunks: false));
        }
        else
        {
            for (int item = 0; item < items; item++) RunItem(item, parallelChunks: true);
        }

        var results = new TmsInstanceResult[instances];
        int wLen = options.Hidden * options.Features;
        for (int i = 0; i < instances; i++)
        {
            int best = i * seeds;
            var outcomes = new SeedOutcome[seeds];
            for (int s = 0; s < seeds; s++)
            {
                var run = runs[(i * seeds) + s];
                outcomes[s] = new SeedOutcome(run.Seed, run.Loss);
                if (run.Loss < runs[best].Loss) best = (i * seeds) + s;
            }

            var kept = runs[best];
            results[i] = new TmsInstanceResult(
                chosen[i], options.FeatureProbabilities[chosen[i]], options.Features, options.Hidden, kept.Seed, kept.Loss, kept.Curve,
                kept.Params[..wLen], kept.Params[wLen..], outcomes);
        }

        return new TmsRunResult(options, results, clock.Elapsed);
    }

    /// <summary>Up to <paramref name="points"/> distinct log-spaced steps in [1, steps], always ending at steps.</summary>
    public static int[] CurveSteps(int steps, int points)
    {
        var set = new SortedSet<int> { steps };
        for (int j = 0; j < Math.Max(points - 1, 0); j++)
        {
            double t = points <= 1 ? 1.0 : (double)j / (points - 1);
            set.Add((int)Math.Clamp(Math.Round(Math.Pow(steps, t)), 1, steps));
        }

        return [.. set];
    }
}
