namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>Seeded test matrices and naive reference kernels (column-major, like the backends).</summary>
internal static class TestMatrices
{
    public const double Eps64 = 2.220446049250313e-16;
    public const double Eps32 = 1.1920929e-7;

    /// <summary>Entries uniform in [-1, 1), deterministic for a seed.</summary>
    public static double[] Random(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var a = new double[rows * cols];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (2 * random.NextDouble()) - 1;
        }

        return a;
    }

    /// <summary>Symmetric n × n matrix with entries uniform in [-1, 1).</summary>
    public static double[] RandomSymmetric(int n, int seed)
    {
        var a = Random(n, n, seed);
        for (var j = 0; j < n; j++)
        {
            for (var i = j + 1; i < n; i++)
            {
                a[j + (i * n)] = a[i + (j * n)];
            }
        }

        return a;
    }

    /// <summary>The tridiagonal [-1 2 -1] matrix (second difference).</summary>
    public static double[] SecondDifference(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[i + (i * n)] = 2;
            if (i + 1 < n)
            {
                a[i + 1 + (i * n)] = -1;
                a[i + ((i + 1) * n)] = -1;
            }
        }

        return a;
    }

    /// <summary>C = op(A) op(B) by the textbook triple loop, accumulated in double.</summary>
    public static double[] NaiveGemm(bool transposeA, bool transposeB, int m, int n, int k, double[] a, double[] b)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    var aip = transposeA ? a[p + (i * k)] : a[i + (p * m)];
                    var bpj = transposeB ? b[j + (p * n)] : b[p + (j * k)];
                    sum += aip * bpj;
                }

                c[i + (j * m)] = sum;
            }
        }

        return c;
    }

    public static double FrobeniusNorm(double[] a) => Math.Sqrt(a.Sum(x => x * x));

    public static double MaxAbsDiff(double[] x, double[] y)
    {
        Assert.Equal(x.Length, y.Length);
        var max = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - y[i]));
        }

        return max;
    }

    /// <summary>max |QᵀQ − I| over the columns of the rows × cols matrix Q.</summary>
    public static double OrthonormalityError(int rows, int cols, double[] q)
    {
        var gram = NaiveGemm(true, false, cols, cols, rows, q, q);
        var max = 0.0;
        for (var i = 0; i < cols; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                max = Math.Max(max, Math.Abs(gram[i + (j * cols)] - (i == j ? 1 : 0)));
            }
        }

        return max;
    }

    /// <summary>max over k of ‖A v_k − λ_k v_k‖₂ for the eigenpairs in the columns of <paramref name="vectors"/>.</summary>
    public static double EigenResidual(int n, double[] a, double[] values, double[] vectors)
    {
        var av = NaiveGemm(false, false, n, n, n, a, vectors);
        var worst = 0.0;
        for (var k = 0; k < n; k++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var r = av[i + (k * n)] - (values[k] * vectors[i + (k * n)]);
                sum += r * r;
            }

            worst = Math.Max(worst, Math.Sqrt(sum));
        }

        return worst;
    }

    public static double[] ToDouble(float[] x) => [.. x.Select(v => (double)v)];

    public static float[] ToFloat(double[] x) => [.. x.Select(v => (float)v)];
}
