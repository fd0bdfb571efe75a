using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Tests.TestSupport;

/// <summary>The backends the tests run on.</summary>
internal static class Backends
{
    /// <summary>Native when a LAPACK library loads, otherwise managed (the tool's own default).</summary>
    public static ILinearAlgebraBackend Default { get; } = LinearAlgebraBackends.Create(BackendChoice.Auto);

    public static ILinearAlgebraBackend Managed { get; } = LinearAlgebraBackends.Create(BackendChoice.Managed);

    /// <summary>The native backend, or null when no LAPACK library loads on this machine.</summary>
    public static ILinearAlgebraBackend? Native { get; } = NativeBackend.IsAvailable(out _) ? LinearAlgebraBackends.Create(BackendChoice.Native) : null;
}
