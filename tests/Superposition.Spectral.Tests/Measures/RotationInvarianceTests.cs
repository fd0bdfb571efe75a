using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>Every frame measure depends on W only through Wᵀ W, so a rotation Q W of the hidden space changes nothing.</summary>
public sealed class RotationInvarianceTests
{
    [Theory]
    [InlineData(8, 40, 0, 21)]
    [InlineData(12, 30, 5, 22)]
    [InlineData(20, 15, 0, 23)]
    public void Every_frame_measure_is_invariant_under_an_orthogonal_rotation(int m, int n, int rank, int seed)
    {
        var input = rank == 0 ? TestFrames.Random(m, n, seed) : TestFrames.LowRank(m, n, rank, seed);
        var rotated = TestFrames.Rotate(input, TestFrames.RandomOrthogonal(m, seed + 100));

        Metrics.AssertClose(FrameAnalyzerGoldenTests.Analyze(input), FrameAnalyzerGoldenTests.Analyze(rotated), 1e-9);
    }

    [Fact]
    public void Pentagon_measures_are_invariant_under_rotation()
    {
        var input = TestFrames.Polygon(5);
        var rotated = TestFrames.Rotate(input, TestFrames.RandomOrthogonal(2, 7));

        Metrics.AssertClose(FrameAnalyzerGoldenTests.Analyze(input), FrameAnalyzerGoldenTests.Analyze(rotated), 1e-9);
    }
}
