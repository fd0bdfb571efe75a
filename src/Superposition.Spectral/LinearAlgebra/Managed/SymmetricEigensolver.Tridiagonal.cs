namespace Superposition.Spectral.LinearAlgebra.Managed;

/// <summary>Householder reduction to tridiagonal form (EISPACK tred2), optionally accumulating Q.</summary>
internal static partial class SymmetricEigensolver
{
    /// <summary>
    /// Reduces to tridiagonal form: diagonal to <paramref name="d"/>, subdiagonal to e[1..n-1]. With
    /// <paramref name="accumulate"/>, <paramref name="a"/> ends up holding the orthogonal Q of A = Q T Qᵀ
    /// (the Householder vectors are parked in the upper triangle meanwhile, as in EISPACK tred2).
    /// </summary>
    internal static void Tridiagonalize(int n, double[] a, double[] d, double[] e, bool accumulate)
    {
        // a[k + j n] is element (k, j), k ≥ j. Column j of the lower triangle is contiguous.
        for (var j = 0; j < n; j++)
        {
            d[j] = a[(n - 1) + ((long)j * n)];
        }

        for (var i = n - 1; i > 0; i--)
        {
            var scale = 0.0;
            var h = 0.0;
            for (var k = 0; k < i; k++)
            {
                scale += Math.Abs(d[k]);
            }

            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (var j = 0; j < i; j++)
                {
                    d[j] = a[(i - 1) + ((long)j * n)];
                    a[i + ((long)j * n)] = 0.0;
                    if (accumulate)
                    {
                        a[j + ((long)i * n)] = 0.0;
                    }
                }
            }
            else
            {
                for (var k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                var f = d[i - 1];
                var g = Math.Sqrt(h);
                if (f > 0)
                {
                    g = -g;
                }

                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                Array.Clear(e, 0, i);

                // e = A d (A the leading i × i block, symmetric, stored as its lower triangle).
                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    if (accumulate)
                    {
                        a[j + ((long)i * n)] = f;
                    }

                    var column = a.AsSpan((int)(j + 1 + ((long)j * n)), i - j - 1);
                    g = e[j] + (a[j + ((long)j * n)] * f) + DotAndAxpy(column, d.AsSpan(j + 1, i - j - 1), e.AsSpan(j + 1, i - j - 1), f);
                    e[j] = g;
                }

                f = 0.0;
                for (var j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                var hh = f / (h + h);
                for (var j = 0; j < i; j++)
                {
                    e[j] -= hh * d[j];
                }

                // Rank-2 update A −= d eᵀ + e dᵀ on the lower triangle.
                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    var column = a.AsSpan((int)(j + ((long)j * n)), i - j);
                    RankTwoUpdate(column, e.AsSpan(j, i - j), d.AsSpan(j, i - j), f, g);
                    d[j] = a[(i - 1) + ((long)j * n)];
                    a[i + ((long)j * n)] = 0.0;
                }
            }

            d[i] = h;
        }

        if (accumulate)
        {
            AccumulateReflections(n, a, d);
            e[0] = 0.0;
            return;
        }

        // The reflections never change the diagonal entry they leave behind: read it from a.
        for (var j = 0; j < n; j++)
        {
            d[j] = a[j + ((long)j * n)];
        }

        e[0] = 0.0;
    }

    /// <summary>Turns the parked Householder vectors into Q (tred2's second half); d receives the diagonal of T.</summary>
    private static void AccumulateReflections(int n, double[] a, double[] d)
    {
        for (var i = 0; i < n - 1; i++)
        {
            // Row n−1 is free by now: keep the diagonal of T there until the end.
            a[(n - 1) + ((long)i * n)] = a[i + ((long)i * n)];
            a[i + ((long)i * n)] = 1.0;
            var h = d[i + 1];
            var reflector = a.AsSpan((int)((long)(i + 1) * n), i + 1);
            if (h != 0.0)
            {
                for (var k = 0; k <= i; k++)
                {
                    d[k] = reflector[k] / h;
                }

                var scaled = d.AsSpan(0, i + 1);
                for (var j = 0; j <= i; j++)
                {
                    var column = a.AsSpan((int)((long)j * n), i + 1);
                    var g = Dot(reflector, column);
                    Axpy(column, scaled, -g);
                }
            }

            reflector.Clear();
        }

        for (var j = 0; j < n; j++)
        {
            d[j] = a[(n - 1) + ((long)j * n)];
            a[(n - 1) + ((long)j * n)] = 0.0;
        }

        a[(n - 1) + ((long)(n - 1) * n)] = 1.0;
    }
}
