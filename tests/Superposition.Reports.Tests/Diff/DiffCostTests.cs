using Superposition.Reports.Diff;
using Superposition.Spectral.Pipeline;
using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

public sealed class DiffCostTests
{
    /// <summary>
    /// n = 512 features in m = 64: frames and difference 3 · 32,768 doubles, bases 4 · (4,096 + 4,096), drift blocks
    /// 2 · 1,024 · 128: 393,216 doubles = 3,145,728 bytes. The noise reference adds 2 · 32,768 doubles and one analysis,
    /// 8 · (2 · 32,768 + 4 · 4,096 + 4 · 64 · 512 + 40 · 512) = 1,867,776 bytes: 5,537,792 in all.
    /// </summary>
    [Fact]
    public void The_bytes_of_a_pair_are_the_sum_written_out_by_hand()
    {
        var w = Gaussian(64, 512, new Random(5));
        var layer = Layer("w", 64, 512, w);
        Assert.Equal(1_867_776, LayerCost.Bytes(512, 64));
        Assert.Equal(3_145_728, DiffCost.Bytes(layer, layer, noiseReference: false));
        Assert.Equal(5_537_792, DiffCost.Bytes(layer, layer, noiseReference: true));
    }
}
