namespace Superposition.Spectral.LinearAlgebra.Managed;

/// <summary>
/// Managed symmetric eigensolver: Householder tridiagonalization (EISPACK tred2) and implicit QL (tql1/tql2),
/// the algorithm MathNet uses too, but working in place on the column-major array with SIMD inner loops on
/// contiguous columns, and skipping all eigenvector work when only values are asked for (several times
/// cheaper: heavy-tail fits and spectra need values only).
/// </summary>
internal static partial class SymmetricEigensolver
{
    /// <summary>QL sweeps allowed per eigenvalue before giving up (typically 1–3 are needed).</summary>
    private const int MaxSweepsPerValue = 60;

    /// <summary>
    /// Eigenvalues of the n × n column-major <paramref name="a"/> (lower triangle read, then overwritten)
    /// in ascending order.
    /// </summary>
    public static void Values(int n, double[] a, double[] values)
    {
        var e = new double[n];
        Tridiagonalize(n, a, values, e, accumulate: false);
        QlImplicit(values, e, null);
        Array.Sort(values);
    }

    /// <summary>
    /// Eigenvalues ascending, and <paramref name="a"/> (lower triangle read) overwritten with the orthonormal
    /// eigenvectors as columns in the same order.
    /// </summary>
    public static void ValuesAndVectors(int n, double[] a, double[] values)
    {
        var e = new double[n];
        Tridiagonalize(n, a, values, e, accumulate: true);
        QlImplicit(values, e, a);
        SortAscending(n, values, a);
    }

    /// <summary>Selection sort of the values, moving the eigenvector columns along (O(n²), stable order for ties).</summary>
    private static void SortAscending(int n, double[] values, double[] vectors)
    {
        for (var i = 0; i < n - 1; i++)
        {
            var k = i;
            for (var j = i + 1; j < n; j++)
            {
                if (values[j] < values[k])
                {
                    k = j;
                }
            }

            if (k != i)
            {
                (values[i], values[k]) = (values[k], values[i]);
                var x = vectors.AsSpan((int)((long)i * n), n);
                var y = vectors.AsSpan((int)((long)k * n), n);
                for (var r = 0; r < n; r++)
                {
                    (x[r], y[r]) = (y[r], x[r]);
                }
            }
        }
    }
}
