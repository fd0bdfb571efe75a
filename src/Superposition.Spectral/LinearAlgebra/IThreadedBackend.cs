namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// A backend whose kernels run threads of their own (OpenBLAS). A caller that runs several decompositions at
/// once limits them to one thread each: on 2 cores, two layers in parallel with 2 BLAS threads each were measured
/// 40% slower than with 1 (bundled recognizer: 1.4–2.4 s against 1.0 s).
/// </summary>
public interface IThreadedBackend
{
    /// <summary>Threads used inside one call.</summary>
    int Threads { get; }

    /// <summary>Sets the threads used inside later calls (process-wide for OpenBLAS).</summary>
    void SetThreads(int threads);
}
