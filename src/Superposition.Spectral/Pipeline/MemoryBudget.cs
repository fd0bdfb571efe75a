namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Admits concurrent work while the sum of its memory estimates stays within a budget. One item is always
/// admitted when nothing else runs, so progress never stalls on an estimate slightly over the budget.
/// </summary>
internal sealed class MemoryBudget(long budgetBytes)
{
    private readonly object _gate = new();
    private long _inUse;

    public long BudgetBytes => budgetBytes;

    public IDisposable Acquire(long bytes, CancellationToken cancellation)
    {
        lock (_gate)
        {
            while (_inUse > 0 && _inUse + bytes > budgetBytes)
            {
                cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(200));
            }

            _inUse += bytes;
        }

        return new Lease(this, bytes);
    }

    private void Release(long bytes)
    {
        lock (_gate)
        {
            _inUse -= bytes;
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class Lease(MemoryBudget owner, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(bytes);
        }
    }
}
