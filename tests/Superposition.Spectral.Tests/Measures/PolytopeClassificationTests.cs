using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>Constructed polytopes beyond the golden table, classified through the whole analysis.</summary>
public sealed class PolytopeClassificationTests
{
    [Fact]
    public void Square_is_the_cross_polytope_in_two_dimensions()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Polygon(4));

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal("square", cluster.Template);
        Assert.Equal([-1.0, 0.0], cluster.DistinctCosines.Select(c => Math.Round(c, 12)));
        Assert.All(result.PerFeature!.Dimensionality, d => Assert.Equal(0.5, d, 1e-12));
    }

    [Fact]
    public void Octahedron_has_cosines_zero_and_minus_one_and_D_one_half()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.CrossPolytope(3));

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal("octahedron", cluster.Template);
        Assert.Equal(3, cluster.Multiplicity);
        Assert.Equal([-1.0, 0.0], cluster.DistinctCosines.Select(c => Math.Round(c, 12)));
        Assert.All(result.PerFeature!.Dimensionality, d => Assert.Equal(0.5, d, 1e-12));
    }

    [Fact]
    public void Tight_square_antiprism_has_D_three_eighths()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.SquareAntiprism());

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal("square-antiprism", cluster.Template);
        Assert.All(result.Spectrum.Eigenvalues, l => Assert.Equal(8.0 / 3, l, 1e-12));
        Assert.All(result.PerFeature!.Dimensionality, d => Assert.Equal(0.375, d, 1e-12));

        // h² = 1/3, r² = 2/3: cosines 2h²−1, −r²/√2−h², r²/√2−h², h² (hand computation).
        double[] expected = [-(2.0 / 3 / Math.Sqrt(2)) - (1.0 / 3), -1.0 / 3, (2.0 / 3 / Math.Sqrt(2)) - (1.0 / 3), 1.0 / 3];
        Assert.Equal(expected.Length, cluster.DistinctCosines.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], cluster.DistinctCosines[i], 1e-12);
        }
    }

    [Fact]
    public void Triangle_and_digon_in_one_eigenspace_form_a_tegum()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.TegumTriangleDigon());

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal("tegum(triangle, digon)", cluster.Template);
        Assert.Equal(3, cluster.Multiplicity);
        Assert.Equal([-1.0, -0.5, 0.0], cluster.DistinctCosines.Select(c => Math.Round(c, 12)));
        double[] d = [2.0 / 3, 2.0 / 3, 2.0 / 3, 0.5, 0.5];
        for (var i = 0; i < d.Length; i++)
        {
            Assert.Equal(d[i], result.PerFeature!.Dimensionality[i], 1e-12);
        }

        Assert.Equal(3, result.Capacity.SumDimensionality, 1e-12);
    }

    [Fact]
    public void Hexagon_is_recognised_as_a_polygon()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Polygon(6));

        Assert.Equal("hexagon", Assert.Single(result.Polytopes.Clusters).Template);
    }

    [Fact]
    public void Two_squares_rotated_by_thirty_degrees_match_no_template()
    {
        // Tight (each square is), one eigenspace, but the cosines of no regular configuration.
        var features = Enumerable.Range(0, 8)
            .Select(i => (i < 4 ? Math.PI / 2 * i : (Math.PI / 2 * (i - 4)) + (Math.PI / 6)))
            .Select(a => new[] { Math.Cos(a), Math.Sin(a) })
            .ToArray();
        var result = FrameAnalyzerGoldenTests.Analyze(FrameInput.FromFeatures("two squares", features));

        Assert.Equal("none", Assert.Single(result.Polytopes.Clusters).Template);
    }

    [Fact]
    public void Classification_survives_a_rotation_of_the_hidden_space()
    {
        var q = TestFrames.RandomOrthogonal(3, seed: 5);

        Assert.Equal("octahedron", Template(TestFrames.Rotate(TestFrames.CrossPolytope(3), q)));
        Assert.Equal("tetrahedron", Template(TestFrames.Rotate(TestFrames.Tetrahedron(), q)));
        Assert.Equal("square-antiprism", Template(TestFrames.Rotate(TestFrames.SquareAntiprism(), q)));
        Assert.Equal("tegum(triangle, digon)", Template(TestFrames.Rotate(TestFrames.TegumTriangleDigon(), q)));
    }

    [Fact]
    public void Features_with_their_own_dimension_are_dedicated_not_clustered()
    {
        // Orthogonal features of different norms: each its own eigenspace.
        var result = FrameAnalyzerGoldenTests.Analyze(FrameInput.FromFeatures("axes", [[1.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0]]));

        Assert.Equal(3, result.Polytopes.LocalizedFeatures);
        Assert.Equal(3, result.Polytopes.DedicatedFeatures);
        Assert.Empty(result.Polytopes.Clusters);
        Assert.All(result.PerFeature!.Dimensionality, d => Assert.Equal(1.0, d, 1e-12));
    }

    private static string Template(FrameInput input) =>
        Assert.Single(FrameAnalyzerGoldenTests.Analyze(input).Polytopes.Clusters).Template;
}
