using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Randomization null: the entries of W shuffled with a seeded Fisher-Yates, the spectrum recomputed (values only).
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

    /// <summary>Descending eigenvalues (the first <paramref name="count"/>) of the smaller-side operator of W shuffled with <paramref name="seed"/>.</summary>
    private static double[] Shuffled(ILinearAlgebraBackend backend, FrameInput input, int seed, int count)
    {
        var m = input.HiddenDimensions;
        var shuffled = EntryShuffle.Of(input.Weights, seed);

        // The smaller side: Wᵀ W (n × n) when n < m, else W Wᵀ; both have the same nonzero spectrum.
        var n = input.FeatureCount;
        var side = Math.Min(m, n);
        var f = new double[(long)side * side];
        if (n < m)
        {
            backend.Gemm(transposeA: true, transposeB: false, n, n, m, shuffled, shuffled, f);
        }
        else
        {
            backend.Syrk(m, n, shuffled, f);
        }

        var ascending = new double[side];
        backend.SymmetricEigen(side, f, ascending, computeVectors: false);
        return ascending.Reverse().Select(l => Math.Max(0.0, l)).Take(count).ToArray();
    }
}
