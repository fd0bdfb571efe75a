using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Randomization null: the entries of W shuffled by a seeded permutation (<see cref="EntryShuffle"/>), the spectrum
/// recomputed (values only), streamed block by block.
/// Shuffling keeps ‖W‖_F² = Σλ, so the L1 distance between sorted spectra over Σλ lies in [0, 2]. As WeightWatcher's
/// randomize: the Jensen–Shannon distance of the two sorted ESDs, and correlation traps counted on the MP fit of the
/// shuffled spectrum (5 shuffles pooled when there are fewer than 100 eigenvalues).
/// </summary>
internal static class ShuffleNull
{
    /// <summary>Fewer eigenvalues than this: pool <see cref="SmallLayerReplicas"/> shuffles for the trap count (WeightWatcher's rule).</summary>
    private const int SmallLayer = 100;

    private const int SmallLayerReplicas = 5;

    public static ShuffleNullResult Compute(ILinearAlgebraBackend backend, FrameInput input, double[] descending, int seed, bool fitBulk)
    {
        var other = Shuffled(backend, input, seed, descending.Length);
        double distance = 0;
        double total = 0;
        for (var k = 0; k < descending.Length; k++)
        {
            distance += Math.Abs(descending[k] - other[k]);
            total += descending[k];
        }

        var replicas = descending.Length < SmallLayer ? SmallLayerReplicas : 1;
        MarchenkoPasturFitResult? fit = null;
        if (fitBulk)
        {
            var pooled = new List<double>(other);
            for (var r = 1; r < replicas; r++)
            {
                pooled.AddRange(Shuffled(backend, input, seed + r, descending.Length));
            }

            fit = MarchenkoPasturFit.Fit(pooled, Math.Max(input.HiddenDimensions, input.FeatureCount), descending.Length);
        }

        return new ShuffleNullResult(seed, distance / total, other[0] / descending[0], other[0])
        {
            JensenShannonDistance = JensenShannonDistance(descending.Reverse().ToArray(), other.Reverse().ToArray()),
            Replicas = replicas,
            CorrelationTraps = fit is { Succeeded: true } ? fit.SpikeCount : null,
            Fit = fit,
        };
    }

    /// <summary>
    /// sqrt((KL(p̂ ‖ m̂) + KL(q̂ ‖ m̂))/2) with p̂ = p/Σp, q̂ = q/Σq, m̂ = (p + q)/Σ(p + q), natural logarithms, 0·ln 0 = 0:
    /// the sorted eigenvalue vectors read as distributions over their positions, as WeightWatcher compares them.
    /// </summary>
    internal static double JensenShannonDistance(double[] p, double[] q)
    {
        var sp = p.Sum();
        var sq = q.Sum();
        var sm = sp + sq;
        double Kl(double[] x, double sx)
        {
            double s = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var a = x[i] / sx;
                if (a > 0)
                {
                    s += a * Math.Log(a / ((p[i] + q[i]) / sm));
                }
            }

            return s;
        }

        return Math.Sqrt(Math.Max(0.0, (Kl(p, sp) + Kl(q, sq)) / 2));
    }

    /// <summary>Features (or hidden coordinates, on the Gram side) per block of the streamed shuffled frame.</summary>
    private const int BlockSize = 1024;

    /// <summary>
    /// Descending eigenvalues (the first <paramref name="count"/>) of the smaller-side operator of W shuffled with
    /// <paramref name="seed"/>. The shuffled frame is never held whole: blocks of it are gathered from W through the
    /// permutation (<see cref="EntryShuffle.Gather"/>) and added into the operator one at a time, so the working set
    /// is the operator plus one block.
    /// </summary>
    private static double[] Shuffled(ILinearAlgebraBackend backend, FrameInput input, int seed, int count)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount;
        var kernels = BlockKernels.For(backend);
        var weights = input.Weights;

        // The smaller side: Wᵀ W (n × n) when n < m, else W Wᵀ; both have the same nonzero spectrum.
        var side = Math.Min(m, n);
        var f = new double[(long)side * side];
        if (n < m)
        {
            // Blocks of hidden coordinates: A[i, c] = shuffled entry (feature i, coordinate k0 + c), n × c column-major.
            var column = new double[Math.Min(BlockSize, m)];
            var block = new double[(long)n * Math.Min(BlockSize, m)];
            for (var k0 = 0; k0 < m; k0 += BlockSize)
            {
                var c = Math.Min(BlockSize, m - k0);
                for (var i = 0; i < n; i++)
                {
                    var row = column.AsSpan(0, c);
                    EntryShuffle.Gather(weights, seed, ((long)i * m) + k0, row);
                    for (var j = 0; j < c; j++) block[i + ((long)j * n)] = row[j];
                }

                kernels.SyrkAdd(n, c, block.AsSpan(0, n * c), f);
            }
        }
        else
        {
            var block = new double[(long)m * Math.Min(BlockSize, n)];
            for (var start = 0; start < n; start += BlockSize)
            {
                var c = Math.Min(BlockSize, n - start);
                var span = block.AsSpan(0, m * c);
                EntryShuffle.Gather(weights, seed, (long)start * m, span);
                kernels.SyrkAdd(m, c, span, f);
            }
        }

        // SyrkAdd fills the lower triangle; the eigensolver's contract is the full symmetric matrix.
        for (var j = 0; j < side; j++)
        {
            for (var i = j + 1; i < side; i++) f[j + ((long)i * side)] = f[i + ((long)j * side)];
        }

        var ascending = new double[side];
        backend.SymmetricEigen(side, f, ascending, computeVectors: false);
        return ascending.Reverse().Select(l => Math.Max(0.0, l)).Take(count).ToArray();
    }
}
