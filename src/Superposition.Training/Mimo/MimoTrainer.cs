using System.Diagnostics;
using Superposition.Training.Optim;
using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Mimo;

/// <summary>
/// Trains one network per (N, unbinding) with AdamW (cells run in parallel; each has its own seeded streams, so
/// results do not depend on scheduling). The class prototypes and the held-out set depend only on the seed and N,
/// so the learned and fixed-unbinding networks of one N see the same data.
/// </summary>
public static class MimoTrainer
{
    /// <summary>Runs every N of <paramref name="options"/> with both unbindings.</summary>
    public static MimoResult Run(MimoOptions options, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var jobs = (from n in options.Slots from u in new[] { MimoUnbinding.Learned, MimoUnbinding.FixedKey } select (n, u)).ToArray();
        var results = new (double Accuracy, double Cos2, double Loss)[jobs.Length];
        int done = 0;
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, jobs.Length, po, j =>
        {
            var net = Train(options, jobs[j].n, jobs[j].u, cancellationToken, out double loss);
            results[j] = (Accuracy(options, net), net.KeyCosineSquared(), loss);
            progress?.Report(new ToyProgress("mimo", Interlocked.Increment(ref done), jobs.Length));
        });

        var cells = options.Slots.Select((n, i) =>
        {
            var learned = results[2 * i];
            var fixedKey = results[(2 * i) + 1];
            return new MimoCell(n, learned.Accuracy, fixedKey.Accuracy, learned.Cos2, fixedKey.Cos2, learned.Loss, fixedKey.Loss);
        }).ToList();
        return new MimoResult(options, cells, clock.Elapsed);
    }

    internal static MimoNetwork Create(MimoOptions o, int slots, MimoUnbinding unbinding)
    {
        var net = new MimoNetwork(o.InputDimension, o.Width, o.HiddenWidth, o.Classes, slots, unbinding);
        // The same init for both unbindings of one N: they differ only in how slots are read.
        var rng = Xoshiro256.ForStream(o.Seed, 3, (ulong)slots);
        net.Initialize(ref rng);
        return net;
    }

    internal static MimoNetwork Train(MimoOptions o, int slots, MimoUnbinding unbinding, CancellationToken ct, out double finalLoss)
    {
        var net = Create(o, slots, unbinding);
        var data = new MimoData(o, slots);
        var optimizer = new ParameterOptimizer(net.Parameters.Length, ToyOptimizer.AdamW, o.LearningRate, 0.9, 0.999, 1e-8, 0.0);
        var grad = new float[net.Parameters.Length];
        finalLoss = 0;
        for (int step = 1; step <= o.Steps; step++)
        {
            if ((step & 63) == 0) ct.ThrowIfCancellationRequested();
            Array.Clear(grad);
            var rng = Xoshiro256.ForStream(o.Seed, 4, (ulong)slots, (ulong)step);
            int occupied = o.DynamicSlots ? 1 + (int)(rng.NextUInt64() % (ulong)slots) : slots;
            float scale = 1f / (o.BatchSize * occupied);
            double loss = 0;
            for (int r = 0; r < o.BatchSize; r++)
            {
                data.Draw(ref rng, occupied);
                loss += net.Run(data.X, data.Labels, occupied, scale, grad).Loss;
            }

            finalLoss = (loss / (o.BatchSize * occupied)) + net.KeyPenalty(o.KeyRegularization, grad);
            optimizer.Step(net.Parameters, grad);
        }

        return net;
    }

    /// <summary>Fraction of correct slot predictions on the held-out bundles (all N slots occupied).</summary>
    internal static double Accuracy(MimoOptions o, MimoNetwork net)
    {
        var data = new MimoData(o, net.Slots);
        var rng = Xoshiro256.ForStream(o.Seed, 5, (ulong)net.Slots);
        long correct = 0;
        for (int r = 0; r < o.EvaluationSamples; r++)
        {
            data.Draw(ref rng, net.Slots);
            correct += net.Run(data.X, data.Labels, net.Slots, 1f, null).Correct;
        }

        return correct / (double)(o.EvaluationSamples * (long)net.Slots);
    }
}

/// <summary>Gaussian-mixture classification data: prototypes μ_c ~ N(0, I_D) from the seed, x = μ_c + σ ε.</summary>
internal sealed class MimoData
{
    private readonly float[][] _prototypes;
    private readonly float _noise;

    public MimoData(MimoOptions o, int slots)
    {
        var rng = Xoshiro256.ForStream(o.Seed, 1);
        _prototypes = Enumerable.Range(0, o.Classes).Select(_ => Enumerable.Range(0, o.InputDimension).Select(_ => (float)rng.NextGaussian()).ToArray()).ToArray();
        _noise = (float)o.Noise;
        X = Enumerable.Range(0, slots).Select(_ => new float[o.InputDimension]).ToArray();
        Labels = new int[slots];
    }

    public float[][] X { get; }

    public int[] Labels { get; }

    public void Draw(ref Xoshiro256 rng, int occupied)
    {
        for (int s = 0; s < occupied; s++)
        {
            int c = (int)(rng.NextUInt64() % (ulong)_prototypes.Length);
            Labels[s] = c;
            for (int i = 0; i < X[s].Length; i++) X[s][i] = _prototypes[c][i] + (_noise * (float)rng.NextGaussian());
        }
    }
}
