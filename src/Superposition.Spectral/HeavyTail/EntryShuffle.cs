namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// The randomization null's permutation: every entry of W moved by a seeded Fisher–Yates shuffle, which keeps the
/// entries' distribution and destroys their arrangement. The one home of that shuffle: the spectral randomization
/// null and the toy-placement null models both draw it here, so the same seed gives the same frame.
/// </summary>
public static class EntryShuffle
{
    /// <summary>A shuffled copy of <paramref name="weights"/> (System.Random seeded with <paramref name="seed"/>).</summary>
    public static double[] Of(double[] weights, int seed)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var copy = (double[])weights.Clone();
        var random = new Random(seed);
        for (int i = copy.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}
