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
    public void Full_rank_leverage_by_cholesky_qr2_equals_the_svd_route_and_sums_to_m(int m, int n, int seed, int block)
    {
        var input = PowerLawColumns(TestFrames.Random(m, n, seed));
        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = block };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);

        Assert.Equal(Leverage.CholeskyQr2Method, native.Capacity.LeverageMethod);
        Assert.Equal(Leverage.SvdMethod, managed.Capacity.LeverageMethod);
        Assert.Equal(m, native.Spectrum.Rank);
        for (var i = 0; i < n; i++) Assert.Equal(managed.PerFeature!.Leverage[i], native.PerFeature!.Leverage[i], 1e-11);
        Assert.Equal(m, native.Capacity.SumLeverage, 1e-9);
        Assert.True(native.Capacity.IdentityResidual < 1e-9, $"residual {native.Capacity.IdentityResidual}");
    }

    [Theory]
    [InlineData(20, 200, 5, 4)]
    [InlineData(30, 120, 29, 11)]
    public void Rank_deficient_leverage_takes_the_svd_of_l_and_sums_to_the_rank(int m, int n, int r, int seed)
    {
        var input = TestFrames.LowRank(m, n, r, seed);
        var options = new AnalysisOptions { PerFeature = true, FeatureBlockSize = 16 };
        var native = FrameAnalyzer.Analyze(input, options, RequireNative());
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);

        Assert.Equal(Leverage.LqSvdMethod, native.Capacity.LeverageMethod);
        Assert.Equal(r, native.Spectrum.Rank);
        for (var i = 0; i < n; i++) Assert.Equal(managed.PerFeature!.Leverage[i], native.PerFeature!.Leverage[i], 1e-9);
        Assert.Equal(r, native.Capacity.SumLeverage, 1e-9);
        Assert.True(native.Capacity.IdentityResidual < 1e-9, $"residual {native.Capacity.IdentityResidual}");
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
