using System.Runtime.ExceptionServices;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

internal static partial class PairwiseCoherence
{
    /// <summary>
    /// Workers of the float32 scan: the BLAS thread count when the layer runs alone (<see cref="SoleCaller"/>) on a
    /// threaded backend, else 1 (<see cref="Scan{T}"/>, one BLAS call per tile with the backend's threads).
    /// </summary>
    private static int TileWorkers(ILinearAlgebraBackend backend) =>
        SoleCaller.IsActive && backend is IThreadedBackend { Threads: > 1 } threaded ? threaded.Threads : 1;

    /// <summary>
    /// <see cref="Scan{T}"/> with the tiles' Gemm spread over <paramref name="workers"/> threads, each calling the BLAS
    /// with one thread, instead of one call at a time with every BLAS thread: OpenBLAS's threaded sgemm has its
    /// threads wait for each other by spinning (sched_yield) at every call, which on a shared machine was 6–7 % of a
    /// MiniLM run's CPU time (per-feature.md, run 5). The tiles, their Gemm calls and the order in which their pairs
    /// are added are those of <see cref="Scan{T}"/> (a worker adds its tile only when every earlier tile has been
    /// added), so the sums are the same bits as long as a tile's products do not depend on the BLAS thread count:
    /// true of OpenBLAS's sgemm, whose threads split the rows and columns, never the inner dimension (checked on
    /// 200 random shapes, and by the identical JSON of MiniLM); not true of its dgemm, whose edge kernels depend on the
    /// split, so the float64 scan keeps <see cref="Scan{T}"/>.
    /// </summary>
    private static void ScanWithWorkers(IThreadedBackend threaded, IBlockKernels kernels, LiveFrame frame, int[] rows, bool exact, int blockSize, PairAccumulator pairs, PairRecheck? recheck, int workers)
    {
        var m = frame.M;
        var n = frame.N;
        var inSample = new bool[n];
        foreach (var i in rows) inSample[i] = true;

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
            var a = new float[(long)m * tileRows];
            var b = new float[(long)m * tileColumns];
            var c = new float[(long)tileRows * tileColumns];
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

                    AccumulateTile<float>(cc, rowStart, rowIndex, columnStart, columnCount, exact, inSample, pairs, recheck);
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

        // Threads of their own (the calling thread is the first worker): pool threads may start late, and a late
        // worker would leave the scan to one single-threaded worker.
        threaded.SetThreads(1);
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
}
