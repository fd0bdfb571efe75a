namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>
/// Benchmark inputs that numpy can rebuild bit for bit (benchmarks/reference/numpy_eigh.py): entry (i, j),
/// i ≥ j, of the symmetric matrix is SplitMix64(seed + i + j·n) mapped to [-1, 1) with 53 bits.
/// </summary>
public static class BenchmarkMatrices
{
    public const ulong Seed = 20260101;

    /// <summary>Symmetric n × n matrix, column-major, entries uniform in [-1, 1).</summary>
    public static double[] Symmetric(int n, ulong seed = Seed)
    {
        var a = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                var x = Uniform(seed + (ulong)i + ((ulong)j * (ulong)n));
                a[i + (j * n)] = x;
                a[j + (i * n)] = x;
            }
        }

        return a;
    }

    /// <summary>SplitMix64 finalizer of <paramref name="counter"/>, top 53 bits as a double in [-1, 1).</summary>
    public static double Uniform(ulong counter)
    {
        var z = unchecked(counter * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return ((z >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;
    }
}
