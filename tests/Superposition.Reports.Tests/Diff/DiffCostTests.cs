using Superposition.Reports.Diff;
using Superposition.Spectral.Pipeline;
using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

public sealed class DiffCostTests
{
    /// <summary>
    /// n = 512 features in m = 64: frames and difference 3 · 32,768 doubles, bases 4 · (4,096 + 4,096), drift blocks
    /// 2 · 1,024 · 128: 393,216 doubles = 3,145,728 bytes. The noise reference adds 2 · 32,768 doubles (524,288 bytes)
    /// and one layer analysis, whatever <see cref="LayerCost.Bytes"/> (tested with the pipeline) says it needs.
    /// </summary>
    [Fact]
    public void The_bytes_of_a_pair_are_the_sum_written_out_by_hand()
    {
        var w = Gaussian(64, 512, new Random(5));
        var layer = Layer("w", 64, 512, w);
        Assert.Equal(3_145_728, DiffCost.Bytes(layer, layer, noiseReference: false));
        Assert.Equal(3_145_728 + 524_288 + LayerCost.Bytes(512, 64), DiffCost.Bytes(layer, layer, noiseReference: true));
    }

    [Fact]
    public void Frames_of_different_shapes_have_no_difference_and_no_noise_reference()
    {
        var a = Layer("a", 4, 10, Gaussian(4, 10, new Random(1)));
        var b = Layer("b", 6, 10, Gaussian(6, 10, new Random(2)));
        // 8 · (40 + 60 + 4 · (16 + 36) + 2 · 1,024 · 10) = 8 · 20,788.
        Assert.Equal(8 * 20_788L, DiffCost.Bytes(a, b, noiseReference: true));
    }
}
