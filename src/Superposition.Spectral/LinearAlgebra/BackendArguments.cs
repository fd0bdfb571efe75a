namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Argument checks shared by the backends: a wrong length must fail here, in managed code, and never reach
/// LAPACK, which would read or write past the end of the array.
/// </summary>
internal static class BackendArguments
{
    public static void Square(int n, long matrixLength, long valuesLength)
    {
        NonNegative(nameof(n), n);
        Length("a", matrixLength, (long)n * n);
        Length("eigenvalues", valuesLength, n);
    }

    public static void Syrk(int rows, int k, long aLength, long cLength)
    {
        NonNegative(nameof(rows), rows);
        NonNegative(nameof(k), k);
        Length("a", aLength, (long)rows * k);
        Length("c", cLength, (long)rows * rows);
    }

    public static void Gemm(int m, int n, int k, long aLength, long bLength, long cLength)
    {
        NonNegative(nameof(m), m);
        NonNegative(nameof(n), n);
        NonNegative(nameof(k), k);
        Length("a", aLength, (long)m * k);
        Length("b", bLength, (long)k * n);
        Length("c", cLength, (long)m * n);
    }

    public static void ThinSvd(int rows, int cols, long aLength, long valuesLength, long uLength)
    {
        NonNegative(nameof(cols), cols);
        if (rows < cols)
        {
            throw Fail.InvalidArgument(nameof(rows), rows, "rows >= cols = " + cols + " (thin SVD of a tall matrix)");
        }

        Length("a", aLength, (long)rows * cols);
        Length("singularValues", valuesLength, cols);
        Length("u", uLength, (long)rows * cols);
    }

    /// <summary>NaN or ∞ makes LAPACK loop or return garbage: refuse it up front (only the lower triangle is read).</summary>
    public static void FiniteLowerTriangle<T>(int n, T[] a)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                if (!T.IsFinite(a[i + ((long)j * n)]))
                {
                    throw Fail.NumericalFailure("symmetric eigendecomposition", "matrix element (" + i + ", " + j + ") is " + a[i + ((long)j * n)] + " (expected finite values)");
                }
            }
        }
    }

    public static void Finite(double[] a, string name)
    {
        for (long i = 0; i < a.LongLength; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                throw Fail.NumericalFailure("SVD", name + "[" + i + "] is " + a[i] + " (expected finite values)");
            }
        }
    }

    private static void NonNegative(string name, int value)
    {
        if (value < 0)
        {
            throw Fail.InvalidArgument(name, value, "a non-negative size");
        }
    }

    private static void Length(string name, long actual, long expected)
    {
        if (actual != expected)
        {
            throw Fail.InvalidArgument(name + ".Length", actual, "exactly " + expected);
        }
    }
}
