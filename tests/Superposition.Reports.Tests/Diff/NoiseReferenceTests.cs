using Superposition.Reports.Baselines;
using Superposition.Reports.Diff;
using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

/// <summary>The quantization view's noise scale: A + N with N seeded Gaussian of the quantization's Frobenius size.</summary>
public sealed class NoiseReferenceTests
{
    /// <summary>
    /// When B is itself A plus the reference's own draw (seed 16, any size), the noise N equals W_B − W_A: every measure
    /// moves by the same amount under both, so each ratio is 1 (to 1e-9) and the geometry verdicts agree.
    /// </summary>
    [Theory]
    [InlineData(8, 30, 0.05)]
    [InlineData(16, 60, 0.3)]
    public void Noise_equal_to_the_change_gives_ratio_one_for_every_measure(int m, int n, double size)
    {
        var a = Gaussian(m, n, new Random(1000 + m)); // not seed 16: that draw would make N a multiple of A
        var draw = NullModels.Gaussian(a.Select(x => x * size).ToArray(), DiffOptions.Default.NoiseSeed);
        var b = a.Zip(draw, (x, d) => x + d).ToArray();
        var diff = Compare(m, n, a, b, "test decoding");
        var noise = diff.NoiseReference!;
        Assert.Equal(size, noise.RelativeSize, 1e-12);
        Assert.All(noise.Measures, q => Assert.True(q.RatioToNoise is null || Math.Abs(q.RatioToNoise.Value - 1) < 1e-9, $"{q.Name}: {q.Change} against {q.NoiseChange}"));
        Assert.Contains(noise.Measures, q => q.RatioToNoise is not null);
        Assert.Equal(diff.Geometry!.Verdict, noise.NoiseGeometry!.Verdict);
    }

    [Fact]
    public void Only_a_quantized_B_gets_a_noise_reference_and_none_when_nothing_changed()
    {
        var a = Gaussian(6, 20, new Random(6));
        var b = a.Select(x => x * 1.01).ToArray();
        Assert.Null(Compare(6, 20, a, b).NoiseReference);
        Assert.NotNull(Compare(6, 20, a, b, "test decoding").NoiseReference);
        Assert.Null(Compare(6, 20, a, a, "test decoding").NoiseReference);
    }
}
