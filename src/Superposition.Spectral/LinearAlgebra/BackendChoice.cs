namespace Superposition.Spectral.LinearAlgebra;

/// <summary>Which linear-algebra backend to use (the CLI's <c>--backend managed|native|auto</c>).</summary>
public enum BackendChoice
{
    /// <summary>Native LAPACK if a library loads, otherwise managed.</summary>
    Auto,

    /// <summary>MathNet.Numerics, fully managed (about 20× slower).</summary>
    Managed,

    /// <summary>LAPACK/BLAS through P/Invoke; fails with <see cref="ErrorKind.NativeLibraryMissing"/> if none loads.</summary>
    Native,
}
