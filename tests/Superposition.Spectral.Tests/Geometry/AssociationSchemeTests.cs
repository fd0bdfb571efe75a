using Superposition.Spectral.Measures;
using Superposition.Spectral.Geometry;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Geometry;

/// <summary>The association-scheme test (MATH.md section 3) on configurations whose schemes are known by hand.</summary>
public sealed class AssociationSchemeTests
{
    private static double[][] Points(FrameInput input) =>
        Enumerable.Range(0, input.FeatureCount).Select(i =>
        {
            var v = input.Weights.AsSpan(i * input.HiddenDimensions, input.HiddenDimensions).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();

    public static TheoryData<string, int, int[]> Regular => new()
    {
        // name, k (dimension), valencies by ascending relation value (hand count: the last relation is the identity).
        { "pentagon", 2, [2, 2, 1] },
        { "tetrahedron", 3, [3, 1] },
        { "octahedron", 3, [1, 4, 1] },
        { "hexagon", 2, [1, 2, 2, 1] },
        { "square-antiprism", 3, [2, 1, 2, 2, 1] },
    };

    private static FrameInput Frame(string name) => name switch
    {
        "pentagon" => TestFrames.Polygon(5),
        "hexagon" => TestFrames.Polygon(6),
        "tetrahedron" => TestFrames.Tetrahedron(),
        "octahedron" => TestFrames.CrossPolytope(3),
        _ => TestFrames.SquareAntiprism(),
    };

    [Theory]
    [MemberData(nameof(Regular))]
    public void Regular_configurations_are_schemes_with_idempotent_scaled_gram(string name, int k, int[] valencies)
    {
        var points = Points(Frame(name));
        var test = AssociationScheme.Test(points, 0.02, AssociationScheme.ScaledGram(points, (double)k / points.Length), 0.05);

        Assert.True(test.Passed, test.Reason);
        Assert.True(test.IdentityInSpan);
        Assert.True(test.ConstantValencies);
        Assert.True(test.ClosedUnderProducts);
        Assert.Equal(valencies, test.Valencies.Select(v => v!.Value));
        Assert.Equal(points.Length, valencies.Sum());
        Assert.True(test.IdempotencyResidual < 1e-12, $"residual {test.IdempotencyResidual}");
        Assert.True(test.Idempotent);
    }

    [Fact]
    public void Four_vertices_of_a_pentagon_have_its_cosine_set_but_no_scheme()
    {
        // Vertices 0..3 of the regular pentagon: the cosines are exactly {cos 144°, cos 72°} as in the pentagon,
        // but the cos 72° graph is a path (valencies 1, 2, 2, 1), so no relation matrix has constant row sums.
        var points = Points(TestFrames.Polygon(5)).Take(4).ToArray();
        var test = AssociationScheme.Test(points, 0.02, null, 0.05);

        Assert.Equal([Math.Round(Math.Cos(4 * Math.PI / 5), 12), Math.Round(Math.Cos(2 * Math.PI / 5), 12), 1.0], test.Relations.Select(r => Math.Round(r, 12)));
        Assert.False(test.ConstantValencies);
        Assert.False(test.Passed);
        Assert.Contains("valencies", test.Reason, StringComparison.Ordinal);
        Assert.Equal("none", LocalizedClusters.Name(PolytopeClassifier.Classify(points, 0.02).Template, test));
    }

    [Fact]
    public void A_cosine_match_without_a_scheme_is_reported_as_a_cosine_pattern()
    {
        var failed = AssociationScheme.Test(Points(TestFrames.Polygon(5)).Take(4).ToArray(), 0.02, null, 0.05);
        Assert.Equal("cosine pattern of pentagon", LocalizedClusters.Name("pentagon", failed));
        var pentagon = Points(TestFrames.Polygon(5));
        var passed = AssociationScheme.Test(pentagon, 0.02, AssociationScheme.ScaledGram(pentagon, 0.4), 0.05);
        Assert.Equal("pentagon", LocalizedClusters.Name("pentagon", passed));
    }

    [Fact]
    public void Duplicate_features_leave_the_identity_out_of_the_span()
    {
        var points = new[] { new[] { 1.0, 0 }, [1.0, 0], [-1.0, 0] };
        var test = AssociationScheme.Test(points, 0.02, null, 0.05);

        Assert.False(test.IdentityInSpan);
        Assert.False(test.Passed);
    }

    [Fact]
    public void A_tight_cluster_that_is_not_a_projection_fails_idempotency()
    {
        // Unit square scaled as if it lived in a 3-dimensional eigenspace: (3/4)·G is not idempotent.
        var square = Points(TestFrames.Polygon(4));
        var test = AssociationScheme.Test(square, 0.02, AssociationScheme.ScaledGram(square, 3.0 / 4), 0.05);

        Assert.True(test.ConstantValencies && test.ClosedUnderProducts);
        Assert.False(test.Idempotent);
        Assert.False(test.Passed);
    }

    [Fact]
    public void Tegum_of_triangle_and_digon_passes_part_by_part_only()
    {
        var points = Points(TestFrames.TegumTriangleDigon());
        var whole = AssociationScheme.Test(points, 0.02, null, 0.05);
        Assert.False(whole.ConstantValencies); // triangle members have two −1/2 neighbours, digon members none

        var scheme = LocalizedClusters.Scheme(points, "tegum(triangle, digon)", [[0, 1, 2], [3, 4]], null, new PolytopeOptions());
        Assert.True(scheme.Passed, scheme.Reason);
        Assert.Equal(2, scheme.Parts.Count);
        Assert.All(scheme.Parts, p => Assert.True(p.Passed));
    }
}
