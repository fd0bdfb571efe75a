using System.Numerics;

namespace Superposition.Spectral.LinearAlgebra.Managed;

/// <summary>SIMD kernels on contiguous column segments.</summary>
internal static partial class SymmetricEigensolver
{
    /// <summary>Returns Σ x·y and does z += f·x, one pass over x.</summary>
    private static double DotAndAxpy(Span<double> x, Span<double> y, Span<double> z, double f)
    {
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            var fv = new Vector<double>(f);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var xv = new Vector<double>(x[i..]);
                acc += xv * new Vector<double>(y[i..]);
                (new Vector<double>(z[i..]) + (xv * fv)).CopyTo(z[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
            z[i] += x[i] * f;
        }

        return sum;
    }

    /// <summary>x −= f·e + g·d.</summary>
    private static void RankTwoUpdate(Span<double> x, Span<double> e, Span<double> d, double f, double g)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var fv = new Vector<double>(f);
            var gv = new Vector<double>(g);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var updated = new Vector<double>(x[i..]) - ((fv * new Vector<double>(e[i..])) + (gv * new Vector<double>(d[i..])));
                updated.CopyTo(x[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            x[i] -= (f * e[i]) + (g * d[i]);
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>x += f·y.</summary>
    private static void Axpy(Span<double> x, ReadOnlySpan<double> y, double f)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var fv = new Vector<double>(f);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(x[i..]) + (fv * new Vector<double>(y[i..]))).CopyTo(x[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            x[i] += f * y[i];
        }
    }

    /// <summary>Plane rotation of two columns: (x, y) ← (c·x − s·y, s·x + c·y).</summary>
    private static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var cv = new Vector<double>(c);
            var sv = new Vector<double>(s);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var xv = new Vector<double>(x[i..]);
                var yv = new Vector<double>(y[i..]);
                ((cv * xv) - (sv * yv)).CopyTo(x[i..]);
                ((sv * xv) + (cv * yv)).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            var xi = x[i];
            x[i] = (c * xi) - (s * y[i]);
            y[i] = (s * xi) + (c * y[i]);
        }
    }

}
