namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Marks the stretch in which one layer runs alone (the model analyzer's solo layers): no other thread of this
/// analysis calls the BLAS then, so a pass may lower the process-wide OpenBLAS thread count for itself and run as
/// many single-threaded calls side by side (the float32 pair scan). Outside it (layers in parallel lanes, or any other
/// caller) passes leave the count alone. Flows with the execution context, so the layer's tasks see it and
/// concurrent analyses elsewhere in the process do not.
/// </summary>
internal static class SoleCaller
{
    private static readonly AsyncLocal<bool> Active = new();

    /// <summary>True inside <see cref="Enter"/>'s scope.</summary>
    public static bool IsActive => Active.Value;

    /// <summary>Marks the current flow as the sole BLAS caller until the returned scope is disposed.</summary>
    public static Scope Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Scope(previous);
    }

    /// <summary>Restores the previous mark.</summary>
    internal readonly struct Scope(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
