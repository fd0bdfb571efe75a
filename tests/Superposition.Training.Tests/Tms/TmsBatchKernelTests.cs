using Superposition.Training.Rng;
using Superposition.Training.Tests.Support;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Tms;

public sealed class TmsBatchKernelTests
{
    [RequiresBatchKernelTheory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(0.05)]
    public void Sampled_entries_are_present_with_probability_p_and_uniform_when_present(double p)
    {
        const int n = 50, rows = 4096;
        var thresholds = TmsKernel.Thresholds(p, null, n);
        var (limit, scale) = TmsBatchKernel.SampleConstants(thresholds);
        var x = new float[n * rows];
        var rng = Xoshiro256x8.ForStream(7, 1, 2, 3);
        TmsBatchKernel.Sample(ref rng, limit, scale, x, rows, TmsBatchKernel.RowMask(rows, rows));
        var present = x.Where(v => v != 0f).ToArray();
        double frequency = present.Length / (double)x.Length;

        // Binomial standard error sqrt(p(1−p)/N) with N = 204,800; 5 standard errors (+1e-9 for p = 1).
        Assert.InRange(frequency, p - (5 * Math.Sqrt(p * (1 - p) / x.Length)) - 1e-9, p + (5 * Math.Sqrt(p * (1 - p) / x.Length)) + 1e-9);
        Assert.All(present, v => Assert.InRange(v, 0f, 0.99999994f));

        // U[0,1): mean 1/2, variance 1/12; 5 standard errors of the mean.
        double mean = present.Average(v => (double)v);
        Assert.InRange(mean, 0.5 - (5 * Math.Sqrt(1.0 / 12 / present.Length)), 0.5 + (5 * Math.Sqrt(1.0 / 12 / present.Length)));
        double below = present.Count(v => v < 0.25f) / (double)present.Length;
        Assert.InRange(below, 0.25 - (5 * Math.Sqrt(0.1875 / present.Length)), 0.25 + (5 * Math.Sqrt(0.1875 / present.Length)));
    }

    [RequiresBatchKernelFact]
    public void Masked_rows_are_zero()
    {
        var (limit, scale) = TmsBatchKernel.SampleConstants(TmsKernel.Thresholds(1.0, null, 3));
        int rp = TmsBatchKernel.PaddedRows(70);
        var x = new float[3 * rp];
        var rng = Xoshiro256x8.ForStream(1, 1, 1, 1);
        TmsBatchKernel.Sample(ref rng, limit, scale, x, rp, TmsBatchKernel.RowMask(70, rp));
        for (int i = 0; i < 3; i++)
        {
            Assert.All(x.Skip((i * rp) + 70).Take(rp - 70), v => Assert.Equal(0f, v));
            Assert.True(x.Skip(i * rp).Take(70).Count(v => v != 0f) >= 69);
        }
    }
}
