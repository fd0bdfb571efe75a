using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Measures;

/// <summary>
/// Returns the m × m temporaries of a finished phase to the system before the next one allocates its own. The .NET
/// GC collects the large-object heap only in full collections, which it starts by its own allocation budget, not by
/// the process's resident size: on the Llama-shaped q_proj (4096 × 4096) one layer peaked at 1.28 GB resident without
/// these collections against about 0.65 GB of live data (docs/methods.md, "Streaming engine"). Below
/// <see cref="Threshold"/> (small frames) nothing is done: the collection would cost more than the memory it frees.
/// </summary>
internal static class LargeArrays
{
    /// <summary>Frames of at least this many doubles (n m + m²; 16 M ≈ 128 MB) collect between phases.</summary>
    public const long Threshold = 16L << 20;

    internal static void Release(LiveFrame frame) => Release(frame.N, frame.M);

    /// <summary>Before a layer of n features in m dimensions allocates its frame (the previous layer's is garbage by then).</summary>
    public static void Release(long features, long hidden)
    {
        long n = Math.Max(features, hidden), m = Math.Min(features, hidden);
        if ((n * m) + (m * m) < Threshold) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
    }
}
