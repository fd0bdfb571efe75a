using Superposition.Spectral.Analysis;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Randomization null: the entries of W shuffled with a seeded Fisher-Yates, the spectrum recomputed (values only).
/// Shuffling keeps ‖W‖_F² = Σλ, so the L1 distance between sorted spectra over Σλ lies in [0, 2].
/// </summary>
internal static class ShuffleNull
{
    public static ShuffleNullResult Compute(ILinearAlgebraBackend backend, FrameInput input, double[] descending, int seed)
    {
        var m = input.HiddenDimensions;
        var shuffled = (double[])input.Weights.Clone();
        var random = new Random(seed);
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

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
        var other = ascending.Reverse().Select(l => Math.Max(0.0, l)).Take(descending.Length).ToArray();
        double distance = 0;
        double total = 0;
        for (var k = 0; k < descending.Length; k++)
        {
            distance += Math.Abs(descending[k] - other[k]);
            total += descending[k];
        }

        return new ShuffleNullResult(seed, distance / total, other[0] / descending[0], other[0]);
    }
}
