using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

internal static partial class PairwiseCoherence
{
    /// <summary>
    /// All pairs (exact) or every pair with an end in the sample, by Gemm on tiles of unit features: a row tile
    /// (block of rows) against column tiles, on or above the diagonal when exact. Three buffers per worker, reused for
    /// every tile; the frame itself is read in place. <typeparamref name="T"/> is the Gemm precision: float above
    /// <see cref="Measures.CoherenceOptions.SinglePrecisionAbove"/> features, with <paramref name="recheck"/>
    /// recomputing in double every pair that could be the maximum or a near-duplicate.
    /// With <paramref name="workers"/> above 1 (<see cref="TileWorkers"/>), the tiles' Gemm run on that many threads,
    /// each calling the BLAS with one thread; a worker adds its tile's pairs only when every earlier tile's have been
    /// added, so the additions keep the one-worker order.
    /// </summary>
    private static void Scan<T>(IBlockKernels kernels, LiveFrame frame, int[] rows, bool exact, int blockSize, PairAccumulator pairs, PairRecheck? recheck, IThreadedBackend? threaded = null, int workers = 1)
        where T : unmanaged, IFloatingPoint<T>
    {
        var m = frame.M;
        var n = frame.N;
        var inSample = new bool[n];
        foreach (var i in rows) inSample[i] = true;

        // Exact: only tiles on or above the diagonal. Sampled: every column tile.
        var tiles = new List<(int Row, int Column)>();
        for (var rowStart = 0; rowStart < rows.Length; rowStart += blockSize)
        {
            for (var columnStart = exact ? rowStart : 0; columnStart < n; columnStart += blockSize) tiles.Add((rowStart, columnStart));
        }

        var gate = new object();
        var next = -1;
        var added = 0;
        var failed = false;
        ExceptionDispatchInfo? error = null;
        var tileRows = Math.Min(blockSize, rows.Length);
        var tileColumns = Math.Min(blockSize, n);
        void Work()
        {
            var a = new T[(long)m * tileRows];
            var b = new T[(long)m * tileColumns];
            var c = new T[(long)tileRows * tileColumns];
            var filledRow = -1;
            try
            {
                while (true)
                {
                    var t = Interlocked.Increment(ref next);
                    if (t >= tiles.Count) return;
                    var (rowStart, columnStart) = tiles[t];
                    var rowCount = Math.Min(blockSize, rows.Length - rowStart);
                    var rowIndex = rows.AsSpan(rowStart, rowCount);
                    if (filledRow != rowStart)
                    {
                        FillUnit(frame, 0, rowCount, rowIndex, a.AsSpan(0, m * rowCount));
                        filledRow = rowStart;
                    }

                    var columnCount = Math.Min(blockSize, n - columnStart);
                    FillUnit(frame, columnStart, columnCount, default, b.AsSpan(0, m * columnCount));
                    var cc = c.AsSpan(0, rowCount * columnCount);
                    Multiply(kernels, rowCount, columnCount, m, a, b, cc);
                    lock (gate)
                    {
                        while (added != t && !failed) Monitor.Wait(gate);
                        if (failed) return;
                    }

                    AccumulateTile<T>(cc, rowStart, rowIndex, columnStart, columnCount, exact, inSample, pairs, recheck);
                    lock (gate)
                    {
                        added++;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception e)
            {
                // The other workers would wait for this tile forever.
                lock (gate)
                {
                    failed = true;
                    error ??= ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(gate);
                }
            }
        }

        if (workers <= 1)
        {
            Work();
            error?.Throw();
            return;
        }

        // Threads of their own (the calling thread is the first worker): pool threads may start late, and a late
        // worker would leave the scan to one single-threaded worker.
        threaded!.SetThreads(1);
        try
        {
            var others = Enumerable.Range(1, workers - 1).Select(_ => new Thread(Work) { IsBackground = true, Name = "pair scan" }).ToList();
            others.ForEach(thread => thread.Start());
            Work();
            others.ForEach(thread => thread.Join());
            error?.Throw();
        }
        finally
        {
            threaded.SetThreads(workers);
        }
    }

    /// <summary>
    /// The pairs of one tile (rows <paramref name="rowIndex"/>, the first at <paramref name="rowStart"/> of the sample,
    /// against the features [columnStart, columnStart + columnCount)) into <paramref name="pairs"/>, column by column:
    /// the one order in which every scan adds its tiles' pairs.
    /// </summary>
    private static void AccumulateTile<T>(ReadOnlySpan<T> cc, int rowStart, ReadOnlySpan<int> rowIndex, int columnStart, int columnCount, bool exact, bool[] inSample, PairAccumulator pairs, PairRecheck? recheck)
        where T : unmanaged, IFloatingPoint<T>
    {
        var rowCount = rowIndex.Length;
        if (exact)
        {
            // Rows are the features rowStart, rowStart + 1, ...: pair (i, j) counts when i < j, a prefix of each column.
            for (var jj = 0; jj < columnCount; jj++)
            {
                var j = columnStart + jj;
                var count = Math.Clamp(j - rowStart, 0, rowCount);
                pairs.AddColumn(cc.Slice(jj * rowCount, count), rowStart, j, recheck);
            }

            return;
        }

        for (var jj = 0; jj < columnCount; jj++)
        {
            var j = columnStart + jj;
            var column = cc.Slice(jj * rowCount, rowCount);
            for (var ii = 0; ii < rowCount; ii++)
            {
                var i = rowIndex[ii];

                // Count each unordered pair once: if both ends are rows, only from the smaller index.
                if (j == i || (inSample[j] && j < i)) continue;
                var value = double.CreateTruncating(column[ii]);
                if (recheck is not null && Math.Abs(value) >= recheck.Threshold) value = recheck.Check(i, j, value);
                pairs.Add(i, j, value);
            }
        }
    }

    private static void Multiply<T>(IBlockKernels kernels, int rows, int columns, int m, T[] a, T[] b, Span<T> c)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            kernels.GemmTransposeA(rows, columns, m, MemoryMarshal.Cast<T, float>(a.AsSpan(0, m * rows)), MemoryMarshal.Cast<T, float>(b.AsSpan(0, m * columns)), MemoryMarshal.Cast<T, float>(c));
        }
        else
        {
            kernels.GemmTransposeA(rows, columns, m, MemoryMarshal.Cast<T, double>(a.AsSpan(0, m * rows)), MemoryMarshal.Cast<T, double>(b.AsSpan(0, m * columns)), MemoryMarshal.Cast<T, double>(c));
        }
    }

    /// <summary>Unit features ŵ = w/‖w‖ of [start, start + count) (or of the listed features, when any) into a column-major buffer.</summary>
    private static void FillUnit<T>(LiveFrame frame, int start, int count, ReadOnlySpan<int> features, Span<T> destination)
        where T : unmanaged, IFloatingPoint<T>
    {
        var m = frame.M;
        for (var f = 0; f < count; f++)
        {
            var feature = features.IsEmpty ? start + f : features[f];
            var scale = 1.0 / Math.Sqrt(frame.NormSquared[feature]);
            var source = frame.Weights.AsSpan(feature * m, m);
            var target = destination.Slice(f * m, m);
            for (var k = 0; k < m; k++) target[k] = T.CreateTruncating(source[k] * scale);
        }
    }
}
