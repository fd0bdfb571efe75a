namespace Superposition.Spectral.Geometry;

/// <summary>
/// The sorted pairwise cosines of regular configurations of k unit vectors (MATH.md section 3). Two configurations
/// with the same sorted cosine list have the same Gram spectrum of pair values; that is what the classifier compares.
/// </summary>
internal static class PolytopeTemplates
{
    /// <summary>Every template of <paramref name="k"/> points; the antiprism needs candidate heights from the data.</summary>
    public static IEnumerable<(string Name, double[] Cosines)> For(int k, IReadOnlyList<double> candidateHeights)
    {
        if (k == 2)
        {
            yield return ("digon", [-1.0]);
            yield break;
        }

        yield return (SimplexName(k), Enumerable.Repeat(-1.0 / (k - 1), Pairs(k)).ToArray());
        if (k >= 4)
        {
            yield return (PolygonName(k), SortedCosines(Polygon(k)));
        }

        if (k % 2 == 0 && k >= 6)
        {
            var d = k / 2;
            var cosines = new double[Pairs(k)];
            Array.Fill(cosines, -1.0, 0, d);
            yield return (d == 3 ? "octahedron" : $"cross-polytope-{d}", cosines);
        }

        if (k == 8)
        {
            foreach (var h2 in candidateHeights.Where(c => c is > 0 and < 1))
            {
                yield return ("square-antiprism", SortedCosines(SquareAntiprism(h2)));
            }
        }
    }

    /// <summary>Number of unordered pairs of k points.</summary>
    public static int Pairs(int k) => k * (k - 1) / 2;

    /// <summary>Sorted ŵ_i·ŵ_j, i &lt; j, of unit vectors.</summary>
    public static double[] SortedCosines(IReadOnlyList<double[]> points)
    {
        var result = new List<double>();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                double dot = 0;
                for (var d = 0; d < points[i].Length; d++)
                {
                    dot += points[i][d] * points[j][d];
                }

                result.Add(dot);
            }
        }

        result.Sort();
        return [.. result];
    }

    /// <summary>Regular k-gon in the plane.</summary>
    public static double[][] Polygon(int k) =>
        Enumerable.Range(0, k).Select(i => new[] { Math.Cos(2 * Math.PI * i / k), Math.Sin(2 * Math.PI * i / k) }).ToArray();

    /// <summary>
    /// Square antiprism on the unit sphere: squares at heights ±h rotated by 45° against each other. The tight
    /// frame of toy models (8 features in 3 dims, D = 3/8) has h² = 1/3; the equal-edge solid has another h.
    /// </summary>
    public static double[][] SquareAntiprism(double h2)
    {
        var h = Math.Sqrt(h2);
        var r = Math.Sqrt(1 - h2);
        var points = new double[8][];
        for (var i = 0; i < 4; i++)
        {
            var top = Math.PI / 2 * i;
            var bottom = top + (Math.PI / 4);
            points[i] = [r * Math.Cos(top), r * Math.Sin(top), h];
            points[i + 4] = [r * Math.Cos(bottom), r * Math.Sin(bottom), -h];
        }

        return points;
    }

    private static string SimplexName(int k) => k switch
    {
        3 => "triangle",
        4 => "tetrahedron",
        _ => $"simplex-{k}",
    };

    private static string PolygonName(int k) => k switch
    {
        4 => "square",
        5 => "pentagon",
        6 => "hexagon",
        _ => $"{k}-gon",
    };
}
