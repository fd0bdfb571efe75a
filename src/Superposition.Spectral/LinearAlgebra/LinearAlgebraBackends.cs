using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.LinearAlgebra;

/// <summary>Creates linear-algebra backends. The returned backends are stateless and may be shared.</summary>
public static class LinearAlgebraBackends
{
    /// <summary>
    /// The backend for <paramref name="choice"/>. Native tries <c>libopenblas.so.0</c>, then
    /// <c>liblapack.so.3</c> + <c>libblas.so.3</c>; its <see cref="ILinearAlgebraBackend.Name"/> says which loaded.
    /// </summary>
    public static ILinearAlgebraBackend Create(BackendChoice choice) => choice switch
    {
        BackendChoice.Managed => new ManagedBackend(),
        BackendChoice.Native => new NativeBackend(),
        BackendChoice.Auto => LapackLibrary.Shared(out _) is { } library ? new NativeBackend(library) : new ManagedBackend(),
        _ => throw Fail.InvalidArgument("backend", choice, "auto, managed or native"),
    };
}
