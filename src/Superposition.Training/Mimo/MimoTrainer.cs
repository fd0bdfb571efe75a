using System.Diagnostics;
using Superposition.Training.Optim;
using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Mimo;

/// <summary>
/// Trains one shared MLP per (binding, N) cell (cells run in parallel; each has its own seeded streams, so results
/// do not depend on scheduling). Parameters are one flat vector [W1 (H×d), b1 (H), W2 (d×H), b2 (d)], row-major.
/// </summary>
public static class MimoTrainer
{
    /// <summary>Runs every cell of <paramref name="options"/>.</summary>
    public static MimoResult Run(MimoOptions options, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var cells = (from b in options.Bindings from n in options.Slots select (b, n)).ToArray();
        var results = new MimoCell[cells.Length];
        int done = 0;
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, cells.Length, po, c =>
        {
            results[c] = Train(options, cells[c].b, cells[c].n, cancellationToken);
            progress?.Report(new ToyProgress("mimo", Interlocked.Increment(ref done), cells.Length));
        });

        var sampled = new Dictionary<MimoBinding, double>();
        foreach (var b in options.Bindings)
        {
            var rng = Xoshiro256.ForStream(options.Seed, 90, (ulong)b);
            var keys = Enumerable.Range(0, options.KeySampleForCosine).Select(_ => Binding.Key(b, options.Dimension, ref rng)).ToArray();
            sampled[b] = Binding.MeanCosineSquared(keys);
        }

        return new MimoResult(options, results, sampled, clock.Elapsed);
    }

    private static MimoCell Train(MimoOptions o, MimoBinding binding, int slots, CancellationToken ct)
    {
        int d = o.Dimension, hw = o.HiddenWidth;
        // Keys and teacher depend on (seed, binding) only, so N = 8 uses the N = 4 keys plus four more.
        var keyRng = Xoshiro256.ForStream(o.Seed, 1, (ulong)binding);
        var keys = Enumerable.Range(0, slots).Select(_ => Binding.Key(binding, d, ref keyRng)).ToArray();
        var teacherRng = Xoshiro256.ForStream(o.Seed, 2);
        var teacher = new float[d * d];
        for (int i = 0; i < teacher.Length; i++) teacher[i] = (float)(teacherRng.NextGaussian() / Math.Sqrt(d));
        int rank = o.InputRank == 0 ? d : o.InputRank;
        float[]? basis = null;
        if (o.InputRank > 0)
        {
            basis = new float[d * rank];
            for (int i = 0; i < basis.Length; i++) basis[i] = (float)(teacherRng.NextGaussian() / Math.Sqrt(rank));
        }

        var net = new MimoNetwork(d, hw);
        var initRng = Xoshiro256.ForStream(o.Seed, 3, (ulong)binding, (ulong)slots);
        net.Initialize(ref initRng);
        var optimizer = new ParameterOptimizer(net.Parameters.Length, ToyOptimizer.AdamW, o.LearningRate, 0.9, 0.999, 1e-8, 0.0);
        var grad = new float[net.Parameters.Length];
        var sample = new MimoSample(d, slots);
        double loss = 0;
        for (int step = 1; step <= o.Steps; step++)
        {
            if ((step & 63) == 0) ct.ThrowIfCancellationRequested();
            Array.Clear(grad);
            var rng = Xoshiro256.ForStream(o.Seed, 4, ((ulong)binding << 32) | (uint)slots, (ulong)step);
            loss = 0;
            float scale = 1f / (o.BatchSize * slots * d);
            for (int r = 0; r < o.BatchSize; r++)
            {
                sample.Draw(ref rng, teacher, basis, rank, keys, binding);
                loss += net.AccumulateGradient(sample, keys, binding, scale, grad);
            }

            optimizer.Step(net.Parameters, grad);
        }

        var evalRng = Xoshiro256.ForStream(o.Seed, 5, ((ulong)binding << 32) | (uint)slots);
        double err = 0, norm = 0;
        for (int r = 0; r < o.EvaluationSamples; r++)
        {
            sample.Draw(ref evalRng, teacher, basis, rank, keys, binding);
            var (e, n) = net.Error(sample, keys, binding);
            err += e;
            norm += n;
        }

        return new MimoCell(binding, slots, err / norm, loss / (o.BatchSize * (double)slots * d), Binding.MeanCosineSquared(keys));
    }
}
