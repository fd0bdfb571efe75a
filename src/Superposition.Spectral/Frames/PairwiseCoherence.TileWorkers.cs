using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

internal static partial class PairwiseCoherence
{
    /// <summary>
    /// Workers of the float32 scan (<see cref="Scan{T}"/>): the BLAS thread count when the layer runs alone
    /// (<see cref="SoleCaller"/>) on a threaded backend, else 1 (one BLAS call per tile with the backend's threads).
    /// Several workers, each calling the BLAS with one thread, instead of one call at a time with every BLAS thread:
    /// OpenBLAS's threaded sgemm has its threads wait for each other by spinning (sched_yield) at every call, which on a
    /// shared machine was 6–7 % of a MiniLM run's CPU time (per-feature.md, run 5). The sums are the same bits as long
    /// as a tile's products do not depend on the BLAS thread count: true of OpenBLAS's sgemm, whose threads split the
    /// rows and columns, never the inner dimension (checked on 200 random shapes, and by the identical JSON of
    /// MiniLM); not true of its dgemm, whose edge kernels depend on the split, so the float64 scan keeps one worker.
    /// </summary>
    private static int TileWorkers(ILinearAlgebraBackend backend) =>
        SoleCaller.IsActive && backend is IThreadedBackend { Threads: > 1 } threaded ? threaded.Threads : 1;
}
