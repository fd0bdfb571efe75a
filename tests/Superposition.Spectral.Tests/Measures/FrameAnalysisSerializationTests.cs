using System.Text.Json;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

public sealed class FrameAnalysisSerializationTests
{
    [Fact]
    public void Result_round_trips_through_camel_case_json()
    {
        var input = TestFrames.WithDeadFeatures(TestFrames.LowRank(6, 20, 3, seed: 2), 4);
        var result = FrameAnalyzerGoldenTests.Analyze(input);

        var json = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<FrameAnalysis>(json, JsonSerializerOptions.Web)!;

        Assert.Contains("\"eigenvalues\":", json, StringComparison.Ordinal);
        Assert.Contains("\"identityResidual\":", json, StringComparison.Ordinal);
        Assert.Contains("\"deadFeatures\":[4]", json, StringComparison.Ordinal);
        Assert.Equal(result.Spectrum.Eigenvalues, back.Spectrum.Eigenvalues);
        Assert.Equal(result.Capacity, back.Capacity);
        Assert.Equal(result.PerFeature!.Dimensionality, back.PerFeature!.Dimensionality);
        Metrics.AssertClose(result, back, 0);
    }

    [Fact]
    public void Undefined_values_are_null_not_NaN_so_json_never_fails()
    {
        // One feature in one dimension: no pairs, no tail, rank 1 (no spectral entropy).
        var result = FrameAnalyzerGoldenTests.Analyze(FrameInput.FromFeatures("one", [[2.0]]));

        var json = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);

        Assert.Null(result.Coherence.MaxCoherence);
        Assert.NotNull(result.Coherence.Note);
        Assert.Null(result.HeavyTail.SpectralEntropy);
        Assert.Null(result.HeavyTail.PowerLaw.Alpha);
        Assert.Equal(1, result.Capacity.SumDimensionality, 1e-15);
        Assert.Contains("\"maxCoherence\":null", json, StringComparison.Ordinal);
    }
}
