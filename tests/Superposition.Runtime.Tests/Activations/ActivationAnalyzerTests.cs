using Superposition.Onnx;
using Superposition.Runtime.Activations;
using Superposition.Runtime.Probes;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Tests.Shared;

namespace Superposition.Runtime.Tests.Activations;

/// <summary>The probe's measurements on activations whose answers are known by construction.</summary>
public sealed class ActivationAnalyzerTests
{
    private static readonly ILinearAlgebraBackend Backend = LinearAlgebraBackends.Create(BackendChoice.Managed);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void Decay_fit_recovers_an_exact_power_law(double beta)
    {
        var eigenvalues = Enumerable.Range(1, 40).Select(k => 7.0 * Math.Pow(k, -beta)).ToList();
        var fit = ActivationAnalyzer.Decay(eigenvalues);
        Assert.True(fit.Succeeded);
        Assert.Equal(beta, fit.Exponent!.Value, 1e-9);
        Assert.Equal(1.0, fit.RSquared!.Value, 1e-12);
        Assert.Equal((1, 20), (fit.WindowStart, fit.WindowEnd)); // ranks 1 .. ⌈40/2⌉
    }

    [Fact]
    public void Decay_fit_refuses_a_window_under_four_points()
    {
        var fit = ActivationAnalyzer.Decay([3.0, 2.0, 1.0, 0.5, 0.0, 0.0]);
        Assert.False(fit.Succeeded);
        Assert.Contains("at least 4", fit.Reason);
    }

    [Fact]
    public void Frequency_counts_active_samples_per_channel()
    {
        // 4 samples × 3 channels: channel 0 active 4/4, channel 1 active 1/4, channel 2 never.
        double[] data = [1, 0, 0, 2, 0, 0, 3, 5, 0, 4, 0, 0];
        var frequency = ActivationAnalyzer.Frequency(new ActivationMatrix("x", [4, 3], 4, 3, data, 1));
        Assert.Equal((1.0 + 0.25 + 0.0) / 3, frequency.Mean, 1e-12);
        Assert.Equal((1, 1), (frequency.DeadChannels, frequency.AlwaysActiveChannels));
        Assert.Equal(0.25, frequency.Median);
    }

    [Fact]
    public void Covariance_eigenvalues_match_a_hand_computation_on_both_gram_sides()
    {
        // Samples (1, 0), (-1, 0), (0, 2), (0, -2): mean 0, covariance diag(2/3, 8/3) with the 1/(N-1) convention.
        double[] data = [1, 0, -1, 0, 0, 2, 0, -2];
        var tall = ActivationAnalyzer.Analyze(new ActivationMatrix("x", [4, 2], 4, 2, data, 1), "test", [], Backend);
        Assert.Equal(8.0 / 3, tall.CovarianceEigenvalues[0], 1e-12);
        Assert.Equal(2.0 / 3, tall.CovarianceEigenvalues[1], 1e-12);

        // Wider than tall (2 samples in R^3) takes the Gram route: (1, 2, 2) and (-1, -2, -2) give one eigenvalue 18.
        var wide = ActivationAnalyzer.Analyze(new ActivationMatrix("y", [2, 3], 2, 3, [1, 2, 2, -1, -2, -2], 1), "test", [], Backend);
        Assert.Equal(18.0, wide.CovarianceEigenvalues[0], 1e-10);
        Assert.Equal(0.0, wide.CovarianceEigenvalues[1], 1e-10);
    }

    [Fact]
    public void Overlap_is_one_when_activations_span_the_frames_top_eigenspace_and_zero_when_orthogonal()
    {
        // A MatMul weight [in = 3, out = 2] whose read frame has F = diag(9, 4, 0): top-1 eigenvector e1.
        var weight = ModelBuilder.Float32("w", [3, 2], [3, 0, 0, 2, 0, 0]);
        var model = OnnxModelLoader.Load(new ModelBuilder().Initializer(weight).Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes(), "m.onnx");
        var reader = Assert.Single(model.Matrices);
        Assert.Equal("x", reader.ActivationInput);

        var alongE1 = new ActivationMatrix("x", [4, 3], 4, 3, [5, 0, 0, -5, 0, 0, 1, 0, 0, -1, 0, 0], 1);
        var overlap = Assert.Single(ActivationAnalyzer.Analyze(alongE1, "test", [reader], Backend).ReadBy);
        Assert.Null(overlap.Note);
        var k1 = overlap.Overlaps.Single(o => o.K == 1);
        Assert.Equal(1.0, k1.Overlap, 1e-12);
        Assert.Equal(1.0 / 3, k1.RandomBaseline, 1e-12);

        var alongE3 = new ActivationMatrix("x", [4, 3], 4, 3, [0, 0, 5, 0, 0, -5, 0, 0, 1, 0, 0, -1], 1);
        Assert.Equal(0.0, ActivationAnalyzer.Analyze(alongE3, "test", [reader], Backend).ReadBy[0].Overlaps.Single(o => o.K == 1).Overlap, 1e-12);
    }
}
