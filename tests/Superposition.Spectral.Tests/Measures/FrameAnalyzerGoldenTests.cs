using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>The golden table of MATH.md section 3 and the tight-frame facts under it.</summary>
public sealed class FrameAnalyzerGoldenTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> GoldenNames => ["digon", "triangle", "pentagon", "tetrahedron"];

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Golden_frame_has_the_eigenvalues_dimensionality_and_cosines_of_the_table(string name)
    {
        var (input, eigenvalue, dimensionality, cosines, template) = Golden(name);
        var result = Analyze(input);

        Assert.All(result.Spectrum.Eigenvalues, l => Assert.Equal(eigenvalue, l, Tolerance));
        Assert.Equal(input.HiddenDimensions, result.Spectrum.Rank);
        Assert.Single(result.Spectrum.Eigenspaces);
        Assert.Equal(input.HiddenDimensions, result.Spectrum.Eigenspaces[0].Multiplicity);
        Assert.All(result.PerFeature!.Dimensionality, d => Assert.Equal(dimensionality, d, Tolerance));

        var cluster = Assert.Single(result.Polytopes.Clusters);
        Assert.Equal(template, cluster.Template);
        Assert.Equal(Enumerable.Range(0, input.FeatureCount), cluster.Members);
        Assert.Equal(cosines.Length, cluster.DistinctCosines.Count);
        for (var i = 0; i < cosines.Length; i++)
        {
            Assert.Equal(cosines[i], cluster.DistinctCosines[i], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Tight_frame_of_unit_vectors_has_D_m_over_n_FP_n2_over_m_and_Dirac_measures(string name)
    {
        var (input, _, _, _, _) = Golden(name);
        var result = Analyze(input);
        double m = input.HiddenDimensions;
        double n = input.FeatureCount;

        Assert.Equal(m / n, result.Capacity.Dimensionality.Mean, Tolerance);
        Assert.Equal(m, result.Capacity.SumDimensionality, 1e-11);
        Assert.True(result.Capacity.Saturated);
        Assert.Equal(n * n / m, result.Geometry.FramePotential, 1e-11);
        Assert.Equal(0, result.Geometry.Tightness, 1e-12);
        Assert.True(result.Geometry.IsTight);
        Assert.Equal((n - m) / (m * (n - 1)), result.Coherence.MeanSquaredCoherence!.Value, 1e-12);
        Assert.Equal(m / n, result.Capacity.DimensionsPerFeature, Tolerance);

        var scores = result.Localization.OnEigenspaces;
        Assert.Equal(1, scores.Q.Min, 1e-12);
        Assert.Equal(1, scores.ParticipationRatio.Max, 1e-10);
        Assert.Equal(0, scores.Entropy.Max, 1e-10);
        Assert.Equal(1, scores.EffectiveCount.Max, 1e-10);
        Assert.Equal(input.FeatureCount, scores.LocalizedCount);

        // A flat spectrum puts every eigenvalue into one bin: Dirac on bins too; no spread.
        Assert.Equal(1, result.Localization.OnBins.Q.Min, 1e-12);
        Assert.Equal(0, result.Localization.Spread.Max, 1e-12);
        Assert.Equal(m / n, result.Capacity.Leverage.Mean, 1e-12);
    }

    [Fact]
    public void Pentagon_mean_squared_coherence_is_three_eighths()
    {
        var result = Analyze(TestFrames.Polygon(5));

        Assert.Equal(0.375, result.Coherence.MeanSquaredCoherence!.Value, 1e-12);
        Assert.Equal(0.375, result.Coherence.MeanSquaredFromPairs!.Value, 1e-12);
        Assert.Equal(Math.Cos(Math.PI / 5), result.Coherence.MaxCoherence!.Value, 1e-12);
    }

    internal static FrameAnalysis Analyze(FrameInput input, AnalysisOptions? options = null) =>
        FrameAnalyzer.Analyze(input, options ?? new AnalysisOptions { PerFeature = true }, Backends.Default);

    private static (FrameInput Input, double Eigenvalue, double D, double[] Cosines, string Template) Golden(string name) => name switch
    {
        "digon" => (TestFrames.Digon(), 2, 0.5, [-1], "digon"),
        "triangle" => (TestFrames.Polygon(3), 1.5, 2.0 / 3, [-0.5], "triangle"),
        "pentagon" => (TestFrames.Polygon(5), 2.5, 0.4, [Math.Cos(0.8 * Math.PI), Math.Cos(0.4 * Math.PI)], "pentagon"),
        "tetrahedron" => (TestFrames.Tetrahedron(), 4.0 / 3, 0.75, [-1.0 / 3], "tetrahedron"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
