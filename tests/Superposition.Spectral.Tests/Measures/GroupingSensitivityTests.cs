using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>The sensitivity table of the localized share across groupings, and the scale-free D*.</summary>
public sealed class GroupingSensitivityTests
{
    /// <summary>A pentagon with vertex 0 rotated by ε radians: F's two eigenvalues split by about ε (near-degenerate, as after training).</summary>
    private static FrameInput PerturbedPentagon(double epsilon) => FrameInput.FromFeatures("perturbed pentagon",
        Enumerable.Range(0, 5).Select(i =>
        {
            var a = (2 * Math.PI * i / 5) + (i == 0 ? epsilon : 0);
            return new[] { Math.Cos(a), Math.Sin(a) };
        }).ToArray());

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.02)]
    public void Near_degenerate_pentagon_is_localized_by_gaps_and_not_by_the_old_fixed_tolerance(double epsilon)
    {
        var result = FrameAnalyzerGoldenTests.Analyze(PerturbedPentagon(epsilon));
        var rows = result.GroupingSensitivity!;

        var gaps = Assert.Single(rows, r => r.Grouping == "gaps");
        Assert.True(gaps.Used);
        Assert.Equal(1, gaps.Eigenspaces);
        Assert.Equal(1.0, gaps.LocalizedShare);
        var old = Assert.Single(rows, r => r.Grouping == "fixed" && r.Tolerance == 1e-4);
        Assert.Equal(2, old.Eigenspaces);
        Assert.True(old.LocalizedShare < 1.0);
        Assert.Equal(result.Localization.OnEigenspaces.LocalizedCount, gaps.LocalizedFeatures);
        Assert.Equal("gaps", result.Grouping!.Method);
    }

    [Theory]
    [InlineData(6, 40, 1)]
    [InlineData(12, 30, 2)]
    public void The_used_row_repeats_the_main_result_under_either_grouping(int m, int n, int seed)
    {
        var input = TestFrames.Random(m, n, seed);
        foreach (var grouping in new[] { EigenspaceGrouping.Gaps, EigenspaceGrouping.Fixed })
        {
            var result = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { Grouping = grouping });
            var used = Assert.Single(result.GroupingSensitivity!, r => r.Used);
            Assert.Equal(result.Localization.OnEigenspaces.LocalizedCount, used.LocalizedFeatures);
            Assert.Equal(result.Spectrum.Eigenspaces.Count(e => !e.IsNullSpace), used.Eigenspaces);
        }
    }

    [Fact]
    public void Sensitivity_can_be_switched_off()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(TestFrames.Polygon(5), new AnalysisOptions { GroupingSensitivity = false });
        Assert.Null(result.GroupingSensitivity);
    }

    [Theory]
    [InlineData(4, 10, 0.001)]
    [InlineData(8, 50, 30.0)]
    public void Scale_free_D_star_is_m_over_n_whatever_the_scale(int m, int n, double scale)
    {
        var input = TestFrames.Random(m, n, 3);
        var scaled = input with { Weights = input.Weights.Select(w => w * scale).ToArray() };
        var result = FrameAnalyzerGoldenTests.Analyze(scaled);

        Assert.Equal((double)m / n, result.Capacity.DimensionsPerFeatureScaleFree, 1e-12);
        Assert.Equal(m / scaled.Weights.Sum(w => w * w), result.Capacity.DimensionsPerFeature, 1e-9 * result.Capacity.DimensionsPerFeature);
    }
}
