using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Models;

/// <summary>
/// Sizes the BLAS threads to the layers running: cores ÷ running layers (at least 1), updated whenever a layer starts
/// or ends, so one big layer left alone at the end of a run gets every core instead of one. OpenBLAS' count is
/// process-wide; a call already running keeps the count it started with.
/// </summary>
internal sealed class BlasThreadGovernor(IThreadedBackend? backend, int cores)
{
    private readonly object _gate = new();
    private int _running;

    public IDisposable Enter()
    {
        Change(+1);
        return new Leave(this);
    }

    private void Change(int delta)
    {
        lock (_gate)
        {
            _running += delta;
            backend?.SetThreads(Math.Max(1, cores / Math.Max(1, _running)));
        }
    }

    private sealed class Leave(BlasThreadGovernor owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Change(-1);
        }
    }
}
