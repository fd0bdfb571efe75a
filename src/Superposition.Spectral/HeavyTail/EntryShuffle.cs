namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// The randomization null's permutation: every entry of W moved by a seeded pseudo-random permutation
/// (<see cref="EntryPermutation"/>), which keeps the entries' distribution and destroys their arrangement. The one
/// home of that shuffle: the spectral randomization null (streamed, block by block) and the toy-placement null
/// models (a whole copy) both draw it here, so the same seed gives the same frame.
/// </summary>
public static class EntryShuffle
{
    /// <summary>A shuffled copy of <paramref name="weights"/>: copy[p] = weights[π(p)] for the permutation seeded with <paramref name="seed"/>.</summary>
    public static double[] Of(double[] weights, int seed)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var copy = new double[weights.Length];
        if (weights.Length > 0) Gather(weights, seed, 0, copy);
        return copy;
    }

    /// <summary>
    /// Entries [start, start + destination.Length) of the shuffled array, drawn from <paramref name="weights"/> without
    /// a copy of it; chunks run in parallel (each entry is computed alone, so the result does not depend on threads).
    /// </summary>
    internal static void Gather(ReadOnlySpan<double> weights, int seed, long start, Span<double> destination)
    {
        var permutation = new EntryPermutation(weights.Length, seed);
        const int Chunk = 1 << 16;
        if (destination.Length <= Chunk)
        {
            permutation.Gather(weights, start, destination);
            return;
        }

        unsafe
        {
            fixed (double* source = weights)
            fixed (double* target = destination)
            {
                var s = (nint)source;
                var t = (nint)target;
                var length = weights.Length;
                var total = destination.Length;
                Parallel.For(0, (total + Chunk - 1) / Chunk, chunk =>
                {
                    var from = chunk * Chunk;
                    var count = Math.Min(Chunk, total - from);
                    permutation.Gather(new ReadOnlySpan<double>((double*)s, length), start + from, new Span<double>((double*)t + from, count));
                });
            }
        }
    }
}
