using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Frames;

/// <summary>
/// The frame restricted to its live features. Dead features are removed before F is formed so that the capacity
/// identity holds exactly for what is measured (a dead feature's leverage is not negligible against 1e-9).
/// </summary>
internal sealed class LiveFrame
{
    private LiveFrame(int m, double[] weights, int[] index, double[] normSquared, int[] dead, double frobeniusSquared)
    {
        M = m;
        Weights = weights;
        Index = index;
        NormSquared = normSquared;
        Dead = dead;
        FrobeniusSquared = frobeniusSquared;
    }

    /// <summary>Hidden dimension m.</summary>
    public int M { get; }

    /// <summary>Number of live features.</summary>
    public int N => Index.Length;

    /// <summary>Live features, column-major m × N (the input array itself when nothing is dead: read only).</summary>
    public double[] Weights { get; }

    /// <summary>Input index of each live feature.</summary>
    public int[] Index { get; }

    /// <summary>‖w_i‖² of each live feature.</summary>
    public double[] NormSquared { get; }

    /// <summary>Input indices of the dead features.</summary>
    public int[] Dead { get; }

    /// <summary>‖W‖_F² of the whole input.</summary>
    public double FrobeniusSquared { get; }

    public static LiveFrame From(FrameInput input, double deadNormSquared)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount;
        var norms = new double[n];
        var live = new List<int>(n);
        var dead = new List<int>();
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var column = input.Weights.AsSpan(i * m, m);
            double s = 0;
            foreach (var v in column)
            {
                s += v * v;
            }

            norms[i] = s;
            total += s;
            (s <= deadNormSquared ? dead : live).Add(i);
        }

        if (live.Count == 0)
        {
            throw Fail.InvalidArgument($"frame '{input.Name}'", "all features dead", $"at least one feature with ‖w‖² > {deadNormSquared}");
        }

        var weights = input.Weights;
        if (dead.Count > 0)
        {
            weights = new double[(long)m * live.Count];
            for (var j = 0; j < live.Count; j++)
            {
                Array.Copy(input.Weights, (long)live[j] * m, weights, (long)j * m, m);
            }
        }

        var liveNorms = live.Select(i => norms[i]).ToArray();
        return new LiveFrame(m, weights, [.. live], liveNorms, [.. dead], total);
    }

    /// <summary>Copies features [start, start + count) into a new m × count array (Gemm takes whole arrays).</summary>
    public double[] Block(int start, int count)
    {
        var block = new double[(long)M * count];
        Array.Copy(Weights, (long)start * M, block, 0, (long)count * M);
        return block;
    }
}
