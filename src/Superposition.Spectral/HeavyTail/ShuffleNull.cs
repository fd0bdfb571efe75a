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

    /// <summary>
    /// <paramref name="singlePrecisionAbove"/>: the shuffled operator in float32 when min(m, n) is above it and the
    /// backend has native kernels (<see cref="HeavyTailOptions.NullSinglePrecisionAbove"/>).
    /// </summary>
    public static ShuffleNullResult Compute(ILinearAlgebraBackend backend, FrameInput input, double[] descending, int seed, bool fitBulk, int singlePrecisionAbove = int.MaxValue)
    {
        var single = Math.Min(input.HiddenDimensions, input.FeatureCount) > singlePrecisionAbove && BlockKernels.For(backend).SupportsLq;
        var other = Shuffled(backend, input, seed, descending.Length, single);
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
                pooled.AddRange(Shuffled(backend, input, seed + r, descending.Length, single));
            }

            fit = MarchenkoPasturFit.Fit(pooled, Math.Max(input.HiddenDimensions, input.FeatureCount), descending.Length);
        }

        return new ShuffleNullResult(seed, distance / total, other[0] / descending[0], other[0])
        {
            JensenShannonDistance = JensenShannonDistance(descending.Reverse().ToArray(), other.Reverse().ToArray()),
            Replicas = replicas,
            CorrelationTraps = fit is { Succeeded: true } ? fit.SpikeCount : null,
            Fit = fit,
            SinglePrecision = single,
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
    /// is the operator plus one block. <paramref name="single"/>: blocks rounded to float32, ssyrk and ssyevd.
    /// </summary>
    private static double[] Shuffled(ILinearAlgebraBackend backend, FrameInput input, int seed, int count, bool single)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount;
        var kernels = BlockKernels.For(backend);
        var weights = input.Weights;

        // The smaller side: Wᵀ W (n × n) when n < m, else W Wᵀ; both have the same nonzero spectrum.
        var side = Math.Min(m, n);
        var operatorSize = (long)side * side;
        var f = single ? null : new double[operatorSize];
        var f32 = single ? new float[operatorSize] : null;
        var features = n < m ? Math.Min(BlockSize, m) : Math.Min(BlockSize, n);
        var block = new double[(long)side * features];
        var block32 = single ? new float[block.Length] : null;
        void Add(int c)
        {
            var span = block.AsSpan(0, side * c);
            if (f is not null)
            {
                kernels.SyrkAdd(side, c, span, f);
                return;
            }

            var rounded = block32.AsSpan(0, side * c);
            for (var x = 0; x < span.Length; x++) rounded[x] = (float)span[x];
            kernels.SyrkAdd(side, c, rounded, f32);
        }

        if (n < m)
        {
            // Blocks of hidden coordinates: A[i, c] = shuffled entry (feature i, coordinate k0 + c), n × c column-major.
            var column = new double[Math.Min(BlockSize, m)];
            for (var k0 = 0; k0 < m; k0 += BlockSize)
            {
                var c = Math.Min(BlockSize, m - k0);
                for (var i = 0; i < n; i++)
                {
                    var row = column.AsSpan(0, c);
                    EntryShuffle.Gather(weights, seed, ((long)i * m) + k0, row);
                    for (var j = 0; j < c; j++) block[i + ((long)j * n)] = row[j];
                }

                Add(c);
            }
        }
        else
        {
            for (var start = 0; start < n; start += BlockSize)
            {
                var c = Math.Min(BlockSize, n - start);
                EntryShuffle.Gather(weights, seed, (long)start * m, block.AsSpan(0, m * c));
                Add(c);
            }
        }

        return f is not null ? Eigenvalues(backend, side, f, count) : Eigenvalues(backend, side, f32!, count);
    }

    /// <summary>Descending eigenvalues of the operator whose lower triangle SyrkAdd filled, negatives (rounding) set to 0.</summary>
    private static double[] Eigenvalues(ILinearAlgebraBackend backend, int side, double[] f, int count)
    {
        Symmetrize(f, side);
        var ascending = new double[side];
        backend.SymmetricEigen(side, f, ascending, computeVectors: false);
        return ascending.Reverse().Select(l => Math.Max(0.0, l)).Take(count).ToArray();
    }

    private static double[] Eigenvalues(ILinearAlgebraBackend backend, int side, float[] f, int count)
    {
        Symmetrize(f, side);
        var ascending = new float[side];
        backend.SymmetricEigen(side, f, ascending, computeVectors: false);
        return ascending.Reverse().Select(l => Math.Max(0.0, (double)l)).Take(count).ToArray();
    }

    /// <summary>SyrkAdd fills the lower triangle; the eigensolver's contract is the full symmetric matrix.</summary>
    private static void Symmetrize<T>(T[] f, int side)
    {
        for (var j = 0; j < side; j++)
        {
            for (var i = j + 1; i < side; i++) f[j + ((long)i * side)] = f[i + ((long)j * side)];
        }
    }
}
