using FsCheck.Xunit;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>
/// Properties of the frame measures over generated frame sizes and seeds (FsCheck, replayed from a fixed seed so a
/// run is reproducible): rotation invariance, the capacity identity and D_i ≤ ℓ_i (MATH section 2).
/// </summary>
public sealed class FramePropertyTests
{
    private const string Replay = "(20261201,17)";

    [Property(MaxTest = 25, Replay = Replay)]
    public void Every_measure_is_invariant_under_a_rotation_of_the_hidden_space(byte mRaw, byte nRaw, int seed)
    {
        int m = 1 + (mRaw % 8), n = 1 + (nRaw % 24);
        var input = TestFrames.Random(m, n, seed);
        var rotated = TestFrames.Rotate(input, TestFrames.RandomOrthogonal(m, seed ^ 0x5EED));

        Metrics.AssertClose(FrameAnalyzerGoldenTests.Analyze(input), FrameAnalyzerGoldenTests.Analyze(rotated), 1e-9);
    }

    [Property(MaxTest = 25, Replay = Replay)]
    public void Capacity_identity_holds_and_every_dimensionality_is_at_most_its_leverage(byte mRaw, byte nRaw, byte rankRaw, int seed)
    {
        int m = 1 + (mRaw % 10), n = 1 + (nRaw % 30), rank = 1 + (rankRaw % Math.Min(m, n));
        var input = TestFrames.LowRank(m, n, rank, seed);

        var result = FrameAnalyzerGoldenTests.Analyze(input);

        // m − Σ D_i = (m − r) + Σ (ℓ_i − D_i), and Σ ℓ_i = r: Cauchy–Schwarz on each feature gives D_i ≤ ℓ_i.
        Assert.True(result.Capacity.IdentityResidual < 1e-9, $"{m}×{n} rank {rank}: residual {result.Capacity.IdentityResidual}");
        Assert.Equal(rank, result.Spectrum.Rank);
        Assert.Equal(rank, result.Capacity.SumLeverage, 1e-9);
        var perFeature = result.PerFeature!;
        for (int i = 0; i < perFeature.Dimensionality.Count; i++)
        {
            Assert.True(perFeature.Dimensionality[i] <= perFeature.Leverage[i] + 1e-9, $"feature {i}: D = {perFeature.Dimensionality[i]} > ℓ = {perFeature.Leverage[i]}");
        }
    }
}
