using System.Text.Json;
using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>Frames at the edges of double precision: every measure stays finite and the identity still holds.</summary>
public sealed class IllConditionedFrameTests
{
    [Fact]
    public void Feature_in_the_numerical_null_space_keeps_every_measure_finite()
    {
        // Eigenvalues 1 and 1e-10: the second counts as zero (≤ 1e-8 λ_max), yet feature 1 is alive (‖w‖² = 1e-10).
        var input = FrameInput.FromFeatures("null-space feature", [[1.0, 0.0], [0.0, 1e-5], [0.6, 0.0]]);
        var result = FrameAnalyzerGoldenTests.Analyze(input);
        var f = result.PerFeature!;

        Assert.Equal(1, result.Spectrum.Rank);
        Assert.Equal(3, result.LiveFeatureCount);
        Assert.True(result.Spectrum.Eigenspaces[^1].IsNullSpace);
        Assert.Equal(result.Spectrum.Eigenspaces.Count - 1, f.DominantEigenspace[1]);
        Assert.Equal(1, f.Dimensionality[1], 1e-9);
        Assert.Equal(0, f.Leverage[1], 1e-12);
        Assert.Equal(0, f.Slack[1]);
        Assert.True(result.Capacity.IdentityResidual < 1e-9);
        Assert.Equal(0, result.Polytopes.Clusters.Count(c => c.Members.Contains(1)));
        JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
    }

    [Fact]
    public void Tiny_feature_next_to_a_huge_one_has_dimensionality_at_most_one()
    {
        // λ_max = 1e12; the small feature's κ is far below the eigenvalues' absolute rounding (ε λ_max ≈ 1e-4).
        var input = FrameInput.FromFeatures("scales", [[1e6, 0.0, 0.0], [0.0, 3e-7, 0.0], [0.0, 0.0, 2.0], [1e6, 1e-7, 0.0]]);
        var result = FrameAnalyzerGoldenTests.Analyze(input);

        Assert.All(result.PerFeature!.Dimensionality, d => Assert.InRange(d, 0, 1));
        Assert.All(result.PerFeature!.CoefficientOfVariation, cv => Assert.True(double.IsFinite(cv)));
        JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
    }

    [Fact]
    public void Log_alpha_norm_does_not_overflow_for_large_alpha_and_eigenvalues()
    {
        // log10(2 · (1e10)^40) = 400 + log10 2, although (1e10)^40 = 1e400 overflows a double.
        Assert.Equal(400 + Math.Log10(2), EsdStatistics.LogAlphaNorm([1e10, 1e10], 1e10, 40), 1e-12);
        Assert.Equal(Math.Log10(Math.Pow(3, 2.5) + Math.Pow(2, 2.5)), EsdStatistics.LogAlphaNorm([3.0, 2.0], 3.0, 2.5), 1e-14);
    }
}
