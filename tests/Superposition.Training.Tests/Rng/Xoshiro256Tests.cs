using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Random;

public sealed class Xoshiro256Tests
{
    [Fact]
    public void Matches_the_reference_xoshiro256_starstar_and_splitmix64_outputs()
    {
        // Reference outputs of Vigna's C code for state {1, 2, 3, 4}; SplitMix64 from 0 gives 0xE220A8397B1DCDAF.
        var g = Xoshiro256.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, g.NextUInt64());
        Assert.Equal(0UL, g.NextUInt64());
        Assert.Equal(1509978240UL, g.NextUInt64());
        Assert.Equal(1215971899390074240UL, g.NextUInt64());
        ulong x = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256.SplitMix64(ref x));
    }

    [Fact]
    public void Uniform_and_gaussian_draws_have_the_right_moments()
    {
        var g = new Xoshiro256(1);
        const int count = 200_000;
        double su = 0, su2 = 0, sg = 0, sg2 = 0;
        for (int i = 0; i < count; i++)
        {
            double u = g.NextFloat();
            Assert.InRange(u, 0.0, 0.99999995);
            su += u;
            su2 += u * u;
            double z = g.NextGaussian();
            sg += z;
            sg2 += z * z;
        }

        // Tolerances: ~6 standard errors of the mean for 2e5 draws.
        Assert.Equal(0.5, su / count, 0.004);
        Assert.Equal(1.0 / 3, su2 / count, 0.004);
        Assert.Equal(0.0, sg / count, 0.015);
        Assert.Equal(1.0, sg2 / count, 0.02);
    }

    [Fact]
    public void Sampled_data_has_the_requested_feature_probability()
    {
        var g = new Xoshiro256(7);
        var x = new float[100_000];
        TmsKernel.Sample(ref g, 0.05, x);
        double present = x.Count(v => v > 0) / (double)x.Length;
        Assert.InRange(present, 0.05 - 0.004, 0.05 + 0.004); // binomial s.e. 0.0007
        TmsKernel.Sample(ref g, 1.0, x);
        Assert.True(x.Count(v => v > 0) > 99_990); // p = 1: every entry present (exact zero only when the value draw is 0)
    }
}
