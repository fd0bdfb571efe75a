using Superposition.Spectral.Geometry;

namespace Superposition.Spectral.Tests.Geometry;

public sealed class PolytopeClassifierTests
{
    [Theory]
    [InlineData(5, "simplex-5")]
    [InlineData(6, "simplex-6")]
    public void Regular_simplices_beyond_the_tetrahedron_are_named_by_size(int k, string name)
    {
        // Centred standard basis vectors of R^k, normalized: pairwise cosine −1/(k−1).
        var points = Enumerable.Range(0, k).Select(i =>
        {
            var v = Enumerable.Range(0, k).Select(j => (i == j ? 1.0 : 0.0) - (1.0 / k)).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();

        var (template, distinct) = PolytopeClassifier.Classify(points, 0.02);

        Assert.Equal(name, template);
        Assert.Equal(-1.0 / (k - 1), Assert.Single(distinct), 1e-12);
    }

    [Fact]
    public void Cross_polytope_in_four_dimensions_is_named_by_dimension()
    {
        var points = new List<double[]>();
        for (var i = 0; i < 4; i++)
        {
            var v = new double[4];
            v[i] = 1;
            points.Add(v);
            points.Add(v.Select(x => -x).ToArray());
        }

        Assert.Equal("cross-polytope-4", PolytopeClassifier.Classify(points, 0.02).Template);
    }

    [Fact]
    public void Slightly_perturbed_pentagon_still_matches_within_tolerance()
    {
        var points = PolytopeTemplates.Polygon(5).Select((p, i) =>
        {
            var a = (2 * Math.PI * i / 5) + (0.004 * (i % 2 == 0 ? 1 : -1));
            return new[] { Math.Cos(a), Math.Sin(a) };
        }).ToArray();

        Assert.Equal("pentagon", PolytopeClassifier.Classify(points, 0.02).Template);
        Assert.Equal("none", PolytopeClassifier.Classify(points, 1e-6).Template);
    }

    [Fact]
    public void Mutually_orthogonal_features_are_labelled_orthogonal()
    {
        double[][] points = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

        Assert.Equal("orthogonal", PolytopeClassifier.Classify(points, 0.02).Template);
    }

    [Fact]
    public void Digon_orthogonal_to_a_triangle_is_their_tegum()
    {
        var t = 2 * Math.PI / 3;
        double[][] points = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, Math.Cos(t), Math.Sin(t)], [0, Math.Cos(2 * t), Math.Sin(2 * t)]];

        Assert.Equal("tegum(triangle, digon)", PolytopeClassifier.Classify(points, 0.02).Template);
    }

    [Fact]
    public void Distinct_groups_values_within_tolerance_of_the_group_start()
    {
        Assert.Equal([-1.0, 0.005, 0.5], PolytopeClassifier.Distinct([-1.0, 0.0, 0.01, 0.5], 0.02));
    }
}
