using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>The streamed LQ leverage against the thin-SVD route of the managed backend (an independent factorisation).</summary>
public sealed class LeverageLqTests
{
    [Theory]
    [InlineData(8, 50, 1, 7)]
    [InlineData(40, 300, 2, 64)]
    [InlineData(64, 1000, 3, 1024)]
    public void Full_rank_leverage_by_the_refined_eigenbasis_equals_the_svd_route_and_sums_to_m(int m, int n, int seed, int block)
    {
        var input = PowerLawColumns(TestFrames.Random(m, n, seed));
        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = block };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);

        Assert.Equal(Leverage.EigenbasisMethod, native.Capacity.LeverageMethod);
        Assert.Equal(Leverage.SvdMethod, managed.Capacity.LeverageMethod);
        Assert.Equal(m, native.Spectrum.Rank);
        for (var i = 0; i < n; i++) Assert.Equal(managed.PerFeature!.Leverage[i], native.PerFeature!.Leverage[i], 1e-11);
        Assert.Equal(m, native.Capacity.SumLeverage, 1e-9);
        Assert.True(native.Capacity.IdentityResidual < 1e-9, $"residual {native.Capacity.IdentityResidual}");
    }

    [Theory]
    [InlineData(20, 200, 5, 4)]
    [InlineData(30, 120, 29, 11)]
    public void Rank_deficient_leverage_takes_the_refined_eigenbasis_and_sums_to_the_rank(int m, int n, int r, int seed)
    {
        var input = TestFrames.LowRank(m, n, r, seed);
        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = 16 };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);

        Assert.Equal(Leverage.EigenbasisMethod, native.Capacity.LeverageMethod);
        Assert.Equal(r, native.Spectrum.Rank);
        for (var i = 0; i < n; i++) Assert.Equal(managed.PerFeature!.Leverage[i], native.PerFeature!.Leverage[i], 1e-9);
        Assert.Equal(r, native.Capacity.SumLeverage, 1e-9);
        Assert.True(native.Capacity.IdentityResidual < 1e-9, $"residual {native.Capacity.IdentityResidual}");
    }

    /// <summary>
    /// Square frames whose spectrum decays continuously through the 1e-8 zero tolerance (hidden row k scaled by
    /// (k + 1)^−e), as square projections of real models do: the rank cut falls inside a dense spectrum. The refined
    /// eigenbasis must agree with the right singular vectors of the thin SVD (managed backend, an independent
    /// factorisation). Tolerance: the eigenbasis of the formed F mixes directions across the cut by up to
    /// σ_max/(2σ_r) ≤ 5e3 times the SVD's own mixing (σ_r ≥ 1e-4 σ_max under the tolerance), so against the SVD's
    /// ~1e-13 the bound is 5e-10 per unit gap; 5e-9 on the steep spectrum (e = 2, rank ≈ m/10 to m/2), 1e-12 on the
    /// Gaussian-like one (e = 0.5, a few directions cut), where the cut directions carry almost no weight.
    /// </summary>
    [Theory]
    [InlineData(128, 2.0, 11, 5e-9)]
    [InlineData(200, 2.0, 12, 5e-9)]
    [InlineData(512, 0.5, 3, 1e-12)]
    public void Leverage_with_the_rank_cut_inside_a_dense_spectrum_matches_the_svd(int m, double exponent, int seed, double tolerance)
    {
        var random = TestFrames.Random(m, m, seed);
        var w = (double[])random.Weights.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++) w[k + (i * m)] *= Math.Pow(k + 1.0, -exponent);
        }

        var input = random with { Weights = w };
        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = 64 };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);

        Assert.True(native.Spectrum.Rank < m, $"rank {native.Spectrum.Rank} of {m}: the cut must fall inside the spectrum");
        Assert.Equal(managed.Spectrum.Rank, native.Spectrum.Rank);
        Assert.Equal(Leverage.EigenbasisMethod, native.Capacity.LeverageMethod);
        var worst = Enumerable.Range(0, m).Max(i => Math.Abs(managed.PerFeature!.Leverage[i] - native.PerFeature!.Leverage[i]));
        Assert.True(worst < tolerance, $"largest leverage difference {worst:e2} (tolerance {tolerance:e0})");
        Assert.Equal(native.Spectrum.Rank, native.Capacity.SumLeverage, 1e-9);
    }

    /// <summary>The first pass folded into the measures' projections (as the analyzer runs it) equals the pass run alone.</summary>
    [Theory]
    [InlineData(24, 300, 24, 8)]
    [InlineData(24, 300, 9, 9)]
    public void Folding_the_first_pass_into_the_measures_changes_nothing(int m, int n, int r, int seed)
    {
        var input = r == m ? PowerLawColumns(TestFrames.Random(m, n, seed)) : TestFrames.LowRank(m, n, r, seed);
        var options = new AnalysisOptions { FeatureBlockSize = 64 };
        var backend = RequireNative();
        var kernels = Spectral.LinearAlgebra.BlockKernels.For(backend);
        var frame = LiveFrame.From(input, options.DeadFeatureNormSquared);
        var spectrum = FrameSpectrum.Compute(backend, frame, options);
        var whitened = Leverage.FoldableGram(backend, frame, spectrum, options.FeatureBlockSize);
        Assert.NotNull(whitened);
        FeatureMeasures.Compute(backend, frame, spectrum, options.SpectralBins, options.FeatureBlockSize, 0, whitened);

        var folded = LeverageEigenbasis.Compute(kernels, frame, spectrum, options.FeatureBlockSize, whitened, onePassTolerance: -1)!.Value.Values;
        var alone = LeverageEigenbasis.Compute(kernels, frame, spectrum, options.FeatureBlockSize, onePassTolerance: -1)!.Value.Values;
        Assert.Equal(r, spectrum.Rank);
        for (var i = 0; i < n; i++) Assert.Equal(alone[i], folded[i], 1e-12);
    }

    private static Spectral.LinearAlgebra.ILinearAlgebraBackend RequireNative() =>
        Backends.Native ?? throw new InvalidOperationException("these tests need a native LAPACK (scripts/install-deps.sh installs OpenBLAS)");

    /// <summary>Feature i scaled by (i + 1)^−0.7 and hidden row k by (k + 1)^−1: a condition number of order m, like real layers.</summary>
    private static FrameInput PowerLawColumns(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var w = (double[])input.Weights.Clone();
        for (var i = 0; i < input.FeatureCount; i++)
        {
            for (var k = 0; k < m; k++) w[k + (i * m)] *= Math.Pow(i + 1, -0.7) / (k + 1);
        }

        return input with { Weights = w };
    }
}
