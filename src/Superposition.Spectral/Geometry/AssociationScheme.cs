using System.Globalization;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Geometry;

/// <summary>The association-scheme test of a cluster of unit vectors (MATH.md section 3); see <see cref="SchemeTest"/>.</summary>
internal static class AssociationScheme
{
    /// <summary>
    /// Tests <paramref name="points"/> (unit vectors). Sorted cosines closer than <paramref name="tolerance"/> to their
    /// neighbour share a relation. <paramref name="projector"/> is the n_C × n_C matrix that must be idempotent ((k/n_C)·G_C for
    /// equal-norm features, <see cref="ScaledGram"/>), or null when the check does not apply.
    /// </summary>
    public static SchemeTest Test(IReadOnlyList<double[]> points, double tolerance, double[]? projector, double idempotencyTolerance)
    {
        var n = points.Count;
        var gram = new double[n, n];
        var entries = new List<(double Value, int I, int J)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                gram[i, j] = gram[j, i] = Dot(points[i], points[j]);
                entries.Add((gram[i, j], i, j));
            }
        }

        // Relations: runs of sorted values whose consecutive differences are within the tolerance (single linkage, so a
        // trained cosine scattered ± tolerance around its ideal value stays one relation).
        entries.Sort((a, b) => a.Value.CompareTo(b.Value));
        var relation = new int[n, n];
        var means = new List<double>();
        var start = 0;
        for (var e = 1; e <= entries.Count; e++)
        {
            if (e == entries.Count || entries[e].Value - entries[e - 1].Value > tolerance)
            {
                double sum = 0;
                for (var x = start; x < e; x++)
                {
                    sum += entries[x].Value;
                    relation[entries[x].I, entries[x].J] = relation[entries[x].J, entries[x].I] = means.Count;
                }

                means.Add(sum / (e - start));
                start = e;
            }
        }

        var s = means.Count;
        var diagonal = relation[0, 0];
        var identity = Enumerable.Range(0, n).All(i => relation[i, i] == diagonal)
            && !entries.Any(x => x.I != x.J && relation[x.I, x.J] == diagonal);
        var valencies = Valencies(relation, n, s);
        var constant = valencies.All(v => v is not null);
        // A commutative scheme's algebra has dimension s ≤ n: more relations than points cannot close.
        var violations = s > n ? s * s : ProductViolations(relation, n, s);
        var closed = violations == 0;
        double? residual = projector is { } p ? IdempotencyResidual(p, n) : null;
        bool? idempotent = residual is { } r ? r <= idempotencyTolerance : null;
        var passed = identity && constant && closed && idempotent != false;
        string? reason = passed ? null : string.Join("; ", new[]
        {
            identity ? null : "an off-diagonal cosine equals the diagonal's 1: the identity is not a relation",
            constant ? null : "a relation matrix has unequal row sums (valencies)",
            closed ? null : s > n
                ? string.Create(CultureInfo.InvariantCulture, $"{s} relations on {n} points: more than a scheme's algebra can hold")
                : string.Create(CultureInfo.InvariantCulture, $"{violations} products A_a A_b are not in the span of the relations"),
            idempotent == false ? string.Create(CultureInfo.InvariantCulture, $"(k/n_C)·G_C is not idempotent (residual {residual:g3})") : null,
        }.Where(x => x is not null));
        return new SchemeTest(passed, means, valencies, constant, identity, closed, violations, residual, idempotent, [], reason);
    }

    /// <summary>A tegum's test: each part tested on its own (no idempotency: parts are not whole eigenspaces) inside the whole.</summary>
    public static SchemeTest WithParts(SchemeTest whole, IReadOnlyList<SchemeTest> parts)
    {
        var passed = parts.All(p => p.Passed) && whole.Idempotent != false;
        var reason = passed ? null : parts.Any(p => !p.Passed) ? "a part of the orthogonal sum is not a scheme" : whole.Reason;
        return whole with { Passed = passed, Parts = parts, Reason = reason };
    }

    private static int?[] Valencies(int[,] relation, int n, int s)
    {
        var result = new int?[s];
        var first = new int[s];
        for (var i = 0; i < n; i++)
        {
            var row = new int[s];
            for (var j = 0; j < n; j++)
            {
                row[relation[i, j]]++;
            }

            for (var c = 0; c < s; c++)
            {
                if (i == 0)
                {
                    first[c] = row[c];
                    result[c] = row[c];
                }
                else if (row[c] != first[c])
                {
                    result[c] = null;
                }
            }
        }

        return result;
    }

    /// <summary>(A_a A_b)_ij = #{t : rel(i, t) = a, rel(t, j) = b}: each (a, b) table must agree on all (i, j) of one relation.</summary>
    private static int ProductViolations(int[,] relation, int n, int s)
    {
        var reference = new int[s][];
        var bad = new bool[s * s];
        var counts = new int[s * s];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Array.Clear(counts);
                for (var t = 0; t < n; t++)
                {
                    counts[(relation[i, t] * s) + relation[t, j]]++;
                }

                var c = relation[i, j];
                if (reference[c] is null)
                {
                    reference[c] = (int[])counts.Clone();
                    continue;
                }

                for (var x = 0; x < counts.Length; x++)
                {
                    bad[x] |= counts[x] != reference[c][x];
                }
            }
        }

        return bad.Count(b => b);
    }

    /// <summary>scale · Gram of <paramref name="points"/>, n × n.</summary>
    public static double[] ScaledGram(IReadOnlyList<double[]> points, double scale)
    {
        var n = points.Count;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i + (j * n)] = scale * Dot(points[i], points[j]);
            }
        }

        return result;
    }

    /// <summary>‖P² − P‖_F / ‖P‖_F.</summary>
    private static double IdempotencyResidual(double[] p, int n)
    {
        double residual = 0;
        double norm = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double square = 0;
                for (var t = 0; t < n; t++)
                {
                    square += p[i + (t * n)] * p[t + (j * n)];
                }

                var d = square - p[i + (j * n)];
                residual += d * d;
                norm += p[i + (j * n)] * p[i + (j * n)];
            }
        }

        return Math.Sqrt(residual / norm);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
