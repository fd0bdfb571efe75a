using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Coherence of the unit features (MATH.md section 3). The mean squared coherence comes from ‖Ŵ Ŵᵀ‖_F² (an m × m
/// Syrk, no pairs); the pairwise quantities from Gemm on blocks of unit features, over all pairs or, above the exact
/// limit, over every pair with at least one endpoint in a seeded sample (each such pair counted once).
/// </summary>
internal static partial class PairwiseCoherence
{
    public static CoherenceResult Compute(ILinearAlgebraBackend backend, LiveFrame frame, CoherenceOptions options)
    {
        var m = frame.M;
        var n = frame.N;
        var welchSquared = Math.Max(0.0, (double)(n - m) / (m * (n - 1.0)));
        var edges = Enumerable.Range(0, options.HistogramBins + 1).Select(b => (double)b / options.HistogramBins).ToArray();
        if (n < 2)
        {
            return new CoherenceResult(
                true, n, null, 0, null, null, null, null, 0.0, 0.0, 1.0 / m, Math.Sqrt(2.0 / (Math.PI * m)),
                edges, new long[options.HistogramBins], options.DuplicateThreshold, 0, 0, [],
                "fewer than two live features: no pairs");
        }

        var kernels = BlockKernels.For(backend);
        var meanSquared = Math.Max(0.0, (UnitFrameSquaredNorm(kernels, frame, options.BlockSize) - n) / (n * (n - 1.0)));
        var exact = n <= options.ExactFeatureLimit;
        var sample = exact ? Enumerable.Range(0, n).ToArray() : Sample(n, Math.Min(options.SampleSize, n), options.Seed);
        var pairs = new PairAccumulator(n, options.HistogramBins, options.DuplicateThreshold);
        var single = n > options.SinglePrecisionAbove;
        var recheck = single ? new PairRecheck(frame, options) : null;
        if (single)
        {
            Scan<float>(kernels, frame, sample, exact, options.BlockSize, pairs, recheck, backend as IThreadedBackend, TileWorkers(backend));
        }
        else
        {
            Scan<double>(kernels, frame, sample, exact, options.BlockSize, pairs, null);
        }

        var clusters = pairs.Clusters(frame, options.MaxReportedClusters, out var clusterCount, out var inClusters);
        var notes = new List<string>();
        if (!exact)
        {
            notes.Add($"max, mean |cos|, histogram and duplicate clusters from the {sample.Length} sampled features (seed {options.Seed}) paired with all {n}; the mean squared coherence is exact");
        }

        if (recheck is not null) notes.Add(recheck.Describe());
        return new CoherenceResult(
            exact,
            sample.Length,
            exact ? null : options.Seed,
            pairs.Count,
            pairs.Max,
            pairs.SumAbs / pairs.Count,
            meanSquared,
            pairs.SumSquares / pairs.Count,
            n > m ? Math.Sqrt(welchSquared) : 0.0,
            welchSquared,
            1.0 / m,
            Math.Sqrt(2.0 / (Math.PI * m)),
            edges,
            pairs.Histogram,
            options.DuplicateThreshold,
            clusterCount,
            inClusters,
            clusters,
            notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>
    /// ‖Ŵ Ŵᵀ‖_F² in double precision without a unit copy of the frame: Ŵ Ŵᵀ (m × m) accumulated block by block
    /// (n ≥ m), or the n × n Gram of the unit features when n &lt; m (then smaller than F).
    /// </summary>
    private static double UnitFrameSquaredNorm(IBlockKernels kernels, LiveFrame frame, int blockSize)
    {
        var m = frame.M;
        var n = frame.N;
        if (n < m)
        {
            var unit = new double[(long)m * n];
            FillUnit(frame, 0, n, default, unit.AsSpan());
            var gram = new double[(long)n * n];
            kernels.GemmTransposeA(n, n, m, unit, unit, gram);
            double total = 0;
            foreach (var v in gram) total += v * v;
            return total;
        }

        var s = new double[(long)m * m];
        var block = new double[(long)m * Math.Min(blockSize, n)];
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            FillUnit(frame, start, count, default, block.AsSpan(0, m * count));
            kernels.SyrkAdd(m, count, block.AsSpan(0, m * count), s);
        }

        // Only the lower triangle was accumulated: off-diagonal entries count twice.
        double sum = 0;
        for (var j = 0; j < m; j++)
        {
            var column = s.AsSpan(j * m, m);
            sum += column[j] * column[j];
            for (var i = j + 1; i < m; i++) sum += 2 * column[i] * column[i];
        }

        return sum;
    }

    /// <summary>A seeded sample without replacement (partial Fisher-Yates), ascending.</summary>
    internal static int[] Sample(int n, int size, int seed)
    {
        var random = new Random(seed);
        var indices = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var sample = indices[..size];
        Array.Sort(sample);
        return sample;
    }
}
