namespace Superposition.Spectral.Geometry;

/// <summary>
/// Classifies a cluster of unit vectors by its distinct cosines (MATH.md section 3): whole templates first, then an
/// orthogonal sum (tegum) of mutually orthogonal parts that each match a template.
/// </summary>
internal static class PolytopeClassifier
{
    public const string None = "none";

    /// <summary>The template name and the distinct cosines (ascending) of the unit vectors <paramref name="points"/>.</summary>
    public static (string Template, double[] DistinctCosines) Classify(IReadOnlyList<double[]> points, double tolerance)
    {
        var (template, distinct, _) = ClassifyWithParts(points, tolerance);
        return (template, distinct);
    }

    /// <summary>As <see cref="Classify"/>, with the member indices of each part when the match is a tegum (else null).</summary>
    public static (string Template, double[] DistinctCosines, List<List<int>>? Parts) ClassifyWithParts(IReadOnlyList<double[]> points, double tolerance)
    {
        var sorted = PolytopeTemplates.SortedCosines(points);
        var distinct = Distinct(sorted, tolerance);
        var whole = MatchWhole(sorted, points.Count, distinct, tolerance);
        if (whole is not null)
        {
            return (whole, distinct, null);
        }

        var (tegum, parts) = MatchTegum(points, tolerance);
        return (tegum ?? None, distinct, tegum is null ? null : parts);
    }

    /// <summary>Groups a sorted list: a value within the tolerance of its group's first value joins it; groups report their mean.</summary>
    public static double[] Distinct(IReadOnlyList<double> sorted, double tolerance)
    {
        var result = new List<double>();
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i] - sorted[start] > tolerance)
            {
                double sum = 0;
                for (var j = start; j < i; j++)
                {
                    sum += sorted[j];
                }

                result.Add(sum / (i - start));
                start = i;
            }
        }

        return [.. result];
    }

    private static string? MatchWhole(double[] sorted, int k, double[] distinct, double tolerance)
    {
        if (k < 2)
        {
            return null;
        }

        foreach (var (name, cosines) in PolytopeTemplates.For(k, distinct))
        {
            if (MaxDifference(sorted, cosines) <= tolerance)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Connected parts under |cos| &gt; tolerance; a tegum when there are several and each part matches.</summary>
    private static (string? Name, List<List<int>> Parts) MatchTegum(IReadOnlyList<double[]> points, double tolerance)
    {
        var k = points.Count;
        var part = new int[k];
        Array.Fill(part, -1);
        var parts = new List<List<int>>();
        for (var s = 0; s < k; s++)
        {
            if (part[s] >= 0)
            {
                continue;
            }

            var members = new List<int> { s };
            part[s] = parts.Count;
            for (var head = 0; head < members.Count; head++)
            {
                for (var t = 0; t < k; t++)
                {
                    if (part[t] < 0 && Math.Abs(Dot(points[members[head]], points[t])) > tolerance)
                    {
                        part[t] = parts.Count;
                        members.Add(t);
                    }
                }
            }

            parts.Add(members);
        }

        if (parts.Count < 2)
        {
            return (null, parts);
        }

        if (parts.All(p => p.Count == 1))
        {
            return ("orthogonal", parts);
        }

        var names = new List<(int Size, string Name)>();
        foreach (var members in parts)
        {
            if (members.Count == 1)
            {
                names.Add((1, "monogon"));
                continue;
            }

            var subset = members.Select(i => points[i]).ToArray();
            var sorted = PolytopeTemplates.SortedCosines(subset);
            var name = MatchWhole(sorted, subset.Length, Distinct(sorted, tolerance), tolerance);
            if (name is null)
            {
                return (null, parts);
            }

            names.Add((members.Count, name));
        }

        var ordered = names.OrderByDescending(p => p.Size).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name);
        return ($"tegum({string.Join(", ", ordered)})", parts);
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            return double.PositiveInfinity;
        }

        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
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
