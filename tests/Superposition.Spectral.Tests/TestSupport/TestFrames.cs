using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.TestSupport;

/// <summary>Frames with known answers, and seeded random frames.</summary>
internal static class TestFrames
{
    public static FrameInput Digon() => FrameInput.FromFeatures("digon", [[1.0], [-1.0]]);

    public static FrameInput Polygon(int k, string? name = null) =>
        FrameInput.FromFeatures(name ?? $"{k}-gon", Enumerable.Range(0, k)
            .Select(i => new[] { Math.Cos(2 * Math.PI * i / k), Math.Sin(2 * Math.PI * i / k) })
            .ToArray());

    public static FrameInput Tetrahedron()
    {
        var s = 1 / Math.Sqrt(3);
        return FrameInput.FromFeatures("tetrahedron", [[s, s, s], [s, -s, -s], [-s, s, -s], [-s, -s, s]]);
    }

    /// <summary>±e_i in d dimensions (d = 3: the octahedron).</summary>
    public static FrameInput CrossPolytope(int d)
    {
        var features = new List<double[]>();
        for (var i = 0; i < d; i++)
        {
            var plus = new double[d];
            var minus = new double[d];
            plus[i] = 1;
            minus[i] = -1;
            features.Add(plus);
            features.Add(minus);
        }

        return FrameInput.FromFeatures($"cross-polytope-{d}", features);
    }

    /// <summary>Tight square antiprism: squares at heights ±1/sqrt(3) rotated by 45° (8 unit features in 3D, D = 3/8).</summary>
    public static FrameInput SquareAntiprism()
    {
        var h = Math.Sqrt(1.0 / 3);
        var r = Math.Sqrt(2.0 / 3);
        var features = new List<double[]>();
        for (var i = 0; i < 4; i++)
        {
            var a = Math.PI / 2 * i;
            features.Add([r * Math.Cos(a), r * Math.Sin(a), h]);
        }

        for (var i = 0; i < 4; i++)
        {
            var a = (Math.PI / 2 * i) + (Math.PI / 4);
            features.Add([r * Math.Cos(a), r * Math.Sin(a), -h]);
        }

        return FrameInput.FromFeatures("square-antiprism", features);
    }

    /// <summary>
    /// Unit triangle in dims 0-1 plus a digon of norm sqrt(3/4) along dim 2: F = 1.5 I, one eigenspace holding
    /// both (D = 2/3 for the triangle, 1/2 for the digon, Σ D = 3).
    /// </summary>
    public static FrameInput TegumTriangleDigon()
    {
        var d = Math.Sqrt(0.75);
        var features = new List<double[]>();
        for (var i = 0; i < 3; i++)
        {
            var a = 2 * Math.PI * i / 3;
            features.Add([Math.Cos(a), Math.Sin(a), 0]);
        }

        features.Add([0, 0, d]);
        features.Add([0, 0, -d]);
        return FrameInput.FromFeatures("tegum", features);
    }

    /// <summary>Entries i.i.d. standard normal (Box-Muller on a seeded generator).</summary>
    public static double[] Gaussian(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = radius * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < count)
            {
                values[i + 1] = radius * Math.Sin(2 * Math.PI * u2);
            }
        }

        return values;
    }

    public static FrameInput Random(int m, int n, int seed) => new($"gaussian-{m}x{n}-{seed}", m, n, Gaussian(m * n, seed));

    /// <summary>W = A B with A m × r, B r × n: rank r.</summary>
    public static FrameInput LowRank(int m, int n, int r, int seed)
    {
        var a = Gaussian(m * r, seed);
        var b = Gaussian(r * n, seed + 1);
        var w = new double[m * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                double s = 0;
                for (var k = 0; k < r; k++)
                {
                    s += a[i + (k * m)] * b[k + (j * r)];
                }

                w[i + (j * m)] = s;
            }
        }

        return new FrameInput($"rank-{r}", m, n, w);
    }

    /// <summary>A copy with zero columns inserted at the given (final) indices.</summary>
    public static FrameInput WithDeadFeatures(FrameInput input, params int[] deadIndices)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount + deadIndices.Length;
        var w = new double[m * n];
        var source = 0;
        for (var j = 0; j < n; j++)
        {
            if (!deadIndices.Contains(j))
            {
                Array.Copy(input.Weights, source * m, w, j * m, m);
                source++;
            }
        }

        return new FrameInput(input.Name + "+dead", m, n, w);
    }

    /// <summary>A seeded random orthogonal m × m matrix (Gram-Schmidt on a Gaussian matrix), column-major.</summary>
    public static double[] RandomOrthogonal(int m, int seed)
    {
        var q = Gaussian(m * m, seed);
        for (var j = 0; j < m; j++)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                for (var p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (var i = 0; i < m; i++)
                    {
                        dot += q[i + (p * m)] * q[i + (j * m)];
                    }

                    for (var i = 0; i < m; i++)
                    {
                        q[i + (j * m)] -= dot * q[i + (p * m)];
                    }
                }
            }

            double norm = 0;
            for (var i = 0; i < m; i++)
            {
                norm += q[i + (j * m)] * q[i + (j * m)];
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; i < m; i++)
            {
                q[i + (j * m)] /= norm;
            }
        }

        return q;
    }

    /// <summary>Q W for an orthogonal Q: every frame measure must be unchanged.</summary>
    public static FrameInput Rotate(FrameInput input, double[] q)
    {
        var m = input.HiddenDimensions;
        var w = new double[input.Weights.Length];
        for (var j = 0; j < input.FeatureCount; j++)
        {
            for (var i = 0; i < m; i++)
            {
                double s = 0;
                for (var k = 0; k < m; k++)
                {
                    s += q[i + (k * m)] * input.Weights[k + (j * m)];
                }

                w[i + (j * m)] = s;
            }
        }

        return input with { Name = input.Name + "-rotated", Weights = w };
    }
}
