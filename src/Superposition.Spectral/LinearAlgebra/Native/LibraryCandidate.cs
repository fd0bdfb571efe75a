namespace Superposition.Spectral.LinearAlgebra.Native;

/// <summary>One way to get LAPACK + BLAS: the shared libraries to load together (routines are looked up in order).</summary>
internal sealed record LibraryCandidate(params string[] Libraries)
{
    public override string ToString() => string.Join(" + ", Libraries);
}
