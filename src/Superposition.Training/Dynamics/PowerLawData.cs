using Superposition.Training.Rng;

namespace Superposition.Training.Dynamics;

/// <summary>
/// The teacher–student data law of one setting: p_i = c · i^(−a) with Σ p_i = <see cref="DynamicsOptions.ExpectedActive"/>,
/// A_ii = i^(−b), x_i = v_i ~ U[0, 1] when active (E[v²] = 1/3). Samples are drawn sparsely: features are cut into
/// blocks of <see cref="BlockSize"/>, and inside a block geometric skips at the block's largest p are thinned by
/// p_i / p_max, which gives exactly independent Bernoulli(p_i) activity at a cost proportional to the active count.
/// </summary>
internal sealed class PowerLawData
{
    public const int BlockSize = 32;

    private readonly double[] _blockLogSkip;

    public PowerLawData(PowerLawSetting setting, int features, double expectedActive)
    {
        N = features;
        Frequency = new double[N];
        Teacher = new float[N];
        double z = 0;
        for (int i = 0; i < N; i++) z += Math.Pow(i + 1, -setting.A);
        for (int i = 0; i < N; i++)
        {
            Frequency[i] = expectedActive * Math.Pow(i + 1, -setting.A) / z;
            Teacher[i] = (float)Math.Pow(i + 1, -setting.B);
        }

        if (Frequency[0] >= 1) throw Fail.InvalidArgument("expected active", expectedActive, $"a normalisation that keeps p_1 below 1 (p_1 = {Frequency[0]:G4})");
        _blockLogSkip = new double[(N + BlockSize - 1) / BlockSize];
        for (int blk = 0; blk < _blockLogSkip.Length; blk++) _blockLogSkip[blk] = Math.Log(1 - Frequency[blk * BlockSize]);
    }

    public int N { get; }

    /// <summary>p_i, decreasing in i.</summary>
    public double[] Frequency { get; }

    /// <summary>A_ii.</summary>
    public float[] Teacher { get; }

    /// <summary>E[v²] of an active feature's value (v ~ U[0, 1]).</summary>
    public const double SecondMoment = 1.0 / 3.0;

    /// <summary>
    /// Draws one sample into (<paramref name="index"/>, <paramref name="value"/>) and returns its active count.
    /// The buffers must hold <see cref="N"/> entries.
    /// </summary>
    public int Draw(ref Xoshiro256 rng, int[] index, float[] value)
    {
        int count = 0;
        for (int blk = 0; blk < _blockLogSkip.Length; blk++)
        {
            int start = blk * BlockSize, end = Math.Min(N, start + BlockSize);
            double pMax = Frequency[start], logSkip = _blockLogSkip[blk];
            int j = start - 1;
            while (true)
            {
                // Geometric(pMax) gap: floor(ln U / ln(1 − pMax)) failures before the next candidate.
                double u = 1.0 - rng.NextDouble();
                j += 1 + (int)Math.Min(end, Math.Floor(Math.Log(u) / logSkip));
                if (j >= end) break;
                if (rng.NextDouble() * pMax < Frequency[j])
                {
                    index[count] = j;
                    value[count] = rng.NextFloat();
                    count++;
                }
            }
        }

        return count;
    }
}
