using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>Every exact polytope is named through the scheme test, with its tightness inside its eigenspace (MATH.md section 3).</summary>
public sealed class SchemeNamingTests
{
    public static TheoryData<string> Exact => ["digon", "triangle", "square", "pentagon", "hexagon", "tetrahedron", "octahedron", "square-antiprism"];

    private static FrameInput Frame(string name) => name switch
    {
        "digon" => TestFrames.Digon(),
        "triangle" => TestFrames.Polygon(3),
        "square" => TestFrames.Polygon(4),
        "pentagon" => TestFrames.Polygon(5),
        "hexagon" => TestFrames.Polygon(6),
        "tetrahedron" => TestFrames.Tetrahedron(),
        "octahedron" => TestFrames.CrossPolytope(3),
        _ => TestFrames.SquareAntiprism(),
    };

    [Theory]
    [MemberData(nameof(Exact))]
    public void Exact_polytope_is_named_only_after_its_scheme_test_passes(string name)
    {
        var input = Frame(name);
        var cluster = Assert.Single(FrameAnalyzerGoldenTests.Analyze(input).Polytopes.Clusters);

        Assert.Equal(name, cluster.Template);
        Assert.Equal(name, cluster.CosineMatch);
        var scheme = cluster.Scheme!;
        Assert.True(scheme.Passed, scheme.Reason);
        Assert.True(scheme.Idempotent); // tight: (k/n)·G is the projection onto the eigenspace's image
        Assert.Equal(input.HiddenDimensions, cluster.Multiplicity);
        Assert.Equal(cluster.Multiplicity, cluster.SpanDimension);
        Assert.Equal(0.0, cluster.Tightness!.Value, 1e-12);
        Assert.True(cluster.Tight);
    }

    [Fact]
    public void Tegum_is_named_through_the_schemes_of_its_parts()
    {
        var cluster = Assert.Single(FrameAnalyzerGoldenTests.Analyze(TestFrames.TegumTriangleDigon()).Polytopes.Clusters);

        Assert.Equal("tegum(triangle, digon)", cluster.Template);
        Assert.Equal(2, cluster.Scheme!.Parts.Count);
        Assert.Equal(0.0, cluster.Tightness!.Value, 1e-12); // F = 1.5 I on the one eigenspace
    }

    [Fact]
    public void Four_pentagon_vertices_in_one_eigenspace_are_not_named_a_polytope()
    {
        // Four of the pentagon's five vertices: F has eigenvalues 2.5 and 1.5. Grouped into one eigenspace (a wide spread
        // allowed on purpose) every feature is localized there; the cosine set is the pentagon's, the scheme test fails.
        var features = Enumerable.Range(0, 4).Select(i => new[] { Math.Cos(2 * Math.PI * i / 5), Math.Sin(2 * Math.PI * i / 5) }).ToArray();
        var options = new AnalysisOptions { PerFeature = true, MaxGroupSpread = 1.0 };
        var result = FrameAnalyzerGoldenTests.Analyze(FrameInput.FromFeatures("four of five", features), options);

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal(4, cluster.Members.Count);
        Assert.Equal([Math.Round(Math.Cos(4 * Math.PI / 5), 12), Math.Round(Math.Cos(2 * Math.PI / 5), 12)], cluster.DistinctCosines.Select(c => Math.Round(c, 12)));
        Assert.False(cluster.Scheme!.Passed);
        Assert.DoesNotContain(cluster.Template, new[] { "pentagon", "square", "tetrahedron" });
        Assert.False(cluster.Tight); // eigenvalues 2.5 and 1.5: τ_C = 2·(2.5² + 1.5²)/4² − 1 = 1/16
        Assert.Equal(1.0 / 16, cluster.Tightness!.Value, 1e-12);
    }
}
