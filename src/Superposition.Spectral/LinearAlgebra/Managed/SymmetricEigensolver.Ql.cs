namespace Superposition.Spectral.LinearAlgebra.Managed;

/// <summary>Implicit QL iteration with Wilkinson-like shifts on the tridiagonal matrix (EISPACK tql1/tql2).</summary>
internal static partial class SymmetricEigensolver
{
    /// <summary>
    /// Implicit QL on the tridiagonal (d, e) with e[i] the (i, i−1) entry; d receives the eigenvalues (unsorted).
    /// When <paramref name="q"/> is given (n × n, column-major, from the reduction) its columns are rotated
    /// into the eigenvectors.
    /// </summary>
    internal static void QlImplicit(double[] d, double[] e, double[]? q)
    {
        var n = d.Length;
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        if (n > 0)
        {
            e[n - 1] = 0.0;
        }

        var shift = 0.0;
        var tst1 = 0.0;
        const double eps = 2.220446049250313e-16;
        for (var l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            var m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1)
            {
                m++;
            }

            if (m > l)
            {
                var sweeps = 0;
                do
                {
                    if (++sweeps > MaxSweepsPerValue)
                    {
                        throw Fail.NumericalFailure("symmetric eigenvalues (managed QL)", "did not converge (n = " + n + ")");
                    }

                    var g = d[l];
                    var p = (d[l + 1] - g) / (2.0 * e[l]);
                    var r = double.Hypot(p, 1.0);
                    if (p < 0)
                    {
                        r = -r;
                    }

                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    var dl1 = d[l + 1];
                    var h = g - d[l];
                    for (var i = l + 2; i < n; i++)
                    {
                        d[i] -= h;
                    }

                    shift += h;

                    p = d[m];
                    double c = 1.0, c2 = 1.0, c3 = 1.0, s = 0.0, s2 = 0.0;
                    var el1 = e[l + 1];
                    for (var i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = double.Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = (c * d[i]) - (s * g);
                        d[i + 1] = h + (s * ((c * g) + (s * d[i])));
                        if (q is not null)
                        {
                            Rotate(q.AsSpan((int)((long)i * n), n), q.AsSpan((int)((long)(i + 1) * n), n), c, s);
                        }
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }

            d[l] += shift;
            e[l] = 0.0;
        }
    }
}
