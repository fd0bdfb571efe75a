namespace Superposition.Spectral.LinearAlgebra.Native;

/// <summary>Small helpers for calling Fortran LAPACK: character flags and 32-bit sizes.</summary>
internal static class Fortran
{
    /// <summary>Hidden length of every one-character argument.</summary>
    public const nuint CharLength = 1;

    public static byte Flag(char c) => (byte)c;

    /// <summary>
    /// A size LAPACK receives as a 32-bit integer (LP64). Workspaces grow as n², so check in 64 bits
    /// before narrowing instead of wrapping around silently.
    /// </summary>
    public static int Int32(long value, string what)
    {
        if (value > int.MaxValue)
        {
            throw Fail.InvalidArgument(what, value, "at most " + int.MaxValue + " (LAPACK takes 32-bit sizes)");
        }

        return (int)value;
    }

    /// <summary>Leading dimension: LAPACK requires at least 1 even for empty matrices.</summary>
    public static int Ld(int rows) => Math.Max(1, rows);
}
