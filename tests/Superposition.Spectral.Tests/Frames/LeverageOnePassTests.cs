using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>
/// The eigenbasis leverage skips its refinement pass when the whitened Gram G = YYᵀ is within 1e-11 of I
/// (Frobenius): then ‖y_i‖² and the refined y_iᵀG⁻¹y_i differ by at most ε/(1 − ε)·‖y_i‖², ε = ‖G − I‖_F.
/// References: the thin SVD of the managed backend (an independent factorisation) and the bound itself.
/// </summary>
public sealed class LeverageOnePassTests
{
    /// <summary>Tall Gaussian frames have cond(F) ≈ ((1 + √(m/n))/(1 − √(m/n)))², below 10 here: G is I to ~1e-14.</summary>
    [Theory]
    [InlineData(16, 200, 3, 64)]
    [InlineData(48, 400, 5, 100)]
    [InlineData(96, 1000, 7, 256)]
    public void Well_conditioned_tall_frames_take_one_pass_and_match_the_svd(int m, int n, int seed, int block)
    {
        var input = TestFrames.Random(m, n, seed);
        var (frame, spectrum, whitened) = FirstPass(input, block);
        var (values, refined) = LeverageEigenbasis.Compute(BlockKernels.For(RequireNative()), frame, spectrum, block, whitened)!.Value;
        var managed = FrameAnalyzer.Analyze(input, new AnalysisOptions { PerFeature = true, FeatureBlockSize = block }, Backends.Managed);

        Assert.False(refined, $"‖G − I‖_F = {whitened.DeviationFromIdentity():e2}");
        for (var i = 0; i < n; i++) Assert.Equal(managed.PerFeature!.Leverage[i], values[i], 1e-12);
        Assert.Equal(m, values.Sum(), 1e-10);
    }

    /// <summary>
    /// A square product of two Gaussian matrices, graded over two more decades: cond(F) ≈ 1e7 to 1e8, so
    /// ‖G − I‖_F ≈ 1e-16 cond(F) (as on square layers of real models) is above the tolerance and the refinement must
    /// run; the analysis (which takes this route) still matches the SVD.
    /// </summary>
    [Theory]
    [InlineData(64, 3)]
    [InlineData(120, 4)]
    public void Ill_conditioned_frames_are_refined(int m, int seed)
    {
        var input = Mixed(TestFrames.Random(m, m, seed), 2.0, seed + 100);
        var (frame, spectrum, whitened) = FirstPass(input, 32);
        Assert.True(whitened.DeviationFromIdentity() > LeverageEigenbasis.OnePassTolerance, $"‖G − I‖_F = {whitened.DeviationFromIdentity():e2}: the frame must be ill-conditioned enough");
        var (_, refined) = LeverageEigenbasis.Compute(BlockKernels.For(RequireNative()), frame, spectrum, 32, whitened)!.Value;
        Assert.True(refined);

        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = 32 };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);
        Assert.Equal(Leverage.EigenbasisMethod, native.Capacity.LeverageMethod);
        for (var i = 0; i < frame.N; i++) Assert.Equal(managed.PerFeature!.Leverage[i], native.PerFeature!.Leverage[i], 1e-9);
    }

    /// <summary>The skipped refinement's error bound, checked against the refinement run anyway, over a range of conditioning.</summary>
    [Theory]
    [InlineData(32, 0.0, 11)]
    [InlineData(32, 1.5, 12)]
    [InlineData(80, 2.5, 13)]
    [InlineData(80, 3.5, 14)]
    public void The_one_pass_leverage_is_within_its_bound_of_the_refined_one(int m, double decades, int seed)
    {
        var input = Mixed(TestFrames.Random(m, 3 * m, seed), decades, seed + 100);
        var (frame, spectrum, whitened) = FirstPass(input, 40);
        var epsilon = whitened.DeviationFromIdentity();
        var onePass = (double[])whitened.OnePassLeverage.Clone();
        var kernels = BlockKernels.For(RequireNative());
        var (refined, wasRefined) = LeverageEigenbasis.Compute(kernels, frame, spectrum, 40, whitened, onePassTolerance: -1)!.Value;

        Assert.True(wasRefined);
        Assert.True(epsilon < 0.5, $"ε = {epsilon:e2}");
        var bound = epsilon / (1 - epsilon);
        for (var i = 0; i < frame.N; i++)
        {
            // Slack: the rounding of the two computations themselves (relative 1e-13 of ℓ_i ≤ 1).
            var allowed = (bound * onePass[i]) + 1e-13;
            Assert.True(Math.Abs(onePass[i] - refined[i]) <= allowed, $"feature {i}: |Δℓ| = {Math.Abs(onePass[i] - refined[i]):e2} above ε/(1 − ε)·‖y‖² = {allowed:e2}");
        }
    }

    private static (LiveFrame Frame, FrameSpectrum Spectrum, WhitenedGram Whitened) FirstPass(FrameInput input, int block)
    {
        var options = new AnalysisOptions { FeatureBlockSize = block };
        var backend = RequireNative();
        var frame = LiveFrame.From(input, options.DeadFeatureNormSquared);
        var spectrum = FrameSpectrum.Compute(backend, frame, options);
        var whitened = Leverage.FoldableGram(backend, frame, spectrum, block) ?? throw new InvalidOperationException("the eigenbasis route must be available");
        FeatureMeasures.Compute(backend, frame, spectrum, options.SpectralBins, block, 0, whitened);
        return (frame, spectrum, whitened);
    }

    /// <summary>
    /// W' = M D W with M an m × m Gaussian and D = diag(10^(−decades·k/(m − 1))): singular values spread over that many
    /// more decades, in directions that are not the coordinate axes (a graded F on the axes is decomposed to high
    /// relative accuracy and would hide the effect).
    /// </summary>
    private static FrameInput Mixed(FrameInput input, double decades, int seed)
    {
        var m = input.HiddenDimensions;
        var n = input.FeatureCount;
        var mix = TestFrames.Random(m, m, seed).Weights;
        var w = new double[m * n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < m; k++)
            {
                double sum = 0;
                for (var l = 0; l < m; l++) sum += mix[k + (l * m)] * Math.Pow(10, -decades * l / (m - 1.0)) * input.Weights[l + (i * m)];
                w[k + (i * m)] = sum;
            }
        }

        return input with { Weights = w };
    }

    private static ILinearAlgebraBackend RequireNative() =>
        Backends.Native ?? throw new InvalidOperationException("these tests need a native LAPACK (scripts/install-deps.sh installs OpenBLAS)");
}
