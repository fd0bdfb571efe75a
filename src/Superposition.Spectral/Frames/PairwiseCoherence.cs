using Superposition.Spectral.Analysis;
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
        var unit = new double[(long)m * n];
        for (var i = 0; i < n; i++)
        {
            var scale = 1.0 / Math.Sqrt(frame.NormSquared[i]);
            for (var k = 0; k < m; k++)
            {
                unit[k + ((long)i * m)] = frame.Weights[k + ((long)i * m)] * scale;
            }
        }

        var welchSquared = Math.Max(0.0, (double)(n - m) / (m * (n - 1.0)));
        var edges = Enumerable.Range(0, options.HistogramBins + 1).Select(b => (double)b / options.HistogramBins).ToArray();
        if (n < 2)
        {
            return new CoherenceResult(
                true, n, null, 0, null, null, null, null, 0.0, 0.0, 1.0 / m, Math.Sqrt(2.0 / (Math.PI * m)),
                edges, new long[options.HistogramBins], options.DuplicateThreshold, 0, 0, [],
                "fewer than two live features: no pairs");
        }

        // ‖Ŵ Ŵᵀ‖_F = ‖Ŵᵀ Ŵ‖_F: take the smaller side.
        var side = Math.Min(m, n);
        var s = new double[(long)side * side];
        if (n < m)
        {
            backend.Gemm(transposeA: true, transposeB: false, n, n, m, unit, unit, s);
        }
        else
        {
            backend.Syrk(m, n, unit, s);
        }

        double frobenius = 0;
        foreach (var v in s)
        {
            frobenius += v * v;
        }

        var meanSquared = Math.Max(0.0, (frobenius - n) / (n * (n - 1.0)));
        var exact = n <= options.ExactFeatureLimit;
        var sample = exact ? Enumerable.Range(0, n).ToArray() : Sample(n, Math.Min(options.SampleSize, n), options.Seed);
        var pairs = new PairAccumulator(n, options.HistogramBins, options.DuplicateThreshold);
        Scan(backend, unit, m, n, sample, exact, options.BlockSize, pairs);

        var clusters = pairs.Clusters(frame, options.MaxReportedClusters, out var clusterCount, out var inClusters);
        var note = exact
            ? null
            : $"max, mean |cos|, histogram and duplicate clusters from the {sample.Length} sampled features (seed {options.Seed}) paired with all {n}; the mean squared coherence is exact";
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
            note);
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

    private static void Scan(ILinearAlgebraBackend backend, double[] unit, int m, int n, int[] rows, bool exact, int blockSize, PairAccumulator pairs)
    {
        var inSample = new bool[n];
        foreach (var i in rows)
        {
            inSample[i] = true;
        }

        for (var rowStart = 0; rowStart < rows.Length; rowStart += blockSize)
        {
            var rowCount = Math.Min(blockSize, rows.Length - rowStart);
            var a = Gather(unit, m, rows.AsSpan(rowStart, rowCount));

            // Exact: only blocks on or above the diagonal. Sampled: every column block.
            var firstColumn = exact ? rowStart : 0;
            for (var columnStart = firstColumn; columnStart < n; columnStart += blockSize)
            {
                var columnCount = Math.Min(blockSize, n - columnStart);
                var b = new double[(long)m * columnCount];
                Array.Copy(unit, (long)columnStart * m, b, 0, (long)columnCount * m);
                var c = new double[(long)rowCount * columnCount];
                backend.Gemm(transposeA: true, transposeB: false, rowCount, columnCount, m, a, b, c);
                for (var jj = 0; jj < columnCount; jj++)
                {
                    var j = columnStart + jj;
                    for (var ii = 0; ii < rowCount; ii++)
                    {
                        var i = rows[rowStart + ii];

                        // Count each unordered pair once: if both ends are rows, only from the smaller index.
                        if (j == i || (inSample[j] && j < i))
                        {
                            continue;
                        }

                        pairs.Add(i, j, c[ii + (jj * rowCount)]);
                    }
                }
            }
        }
    }

    private static double[] Gather(double[] unit, int m, ReadOnlySpan<int> features)
    {
        var block = new double[(long)m * features.Length];
        for (var f = 0; f < features.Length; f++)
        {
            Array.Copy(unit, (long)features[f] * m, block, (long)f * m, m);
        }

        return block;
    }
}
