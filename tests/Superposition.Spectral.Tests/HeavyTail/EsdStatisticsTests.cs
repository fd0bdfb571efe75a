using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.HeavyTail;

public sealed class EsdStatisticsTests
{
    [Fact]
    public void Norms_ranks_and_entropy_of_a_known_spectrum_match_hand_computation()
    {
        // Features 2 e1, e2, 0.5 e3: eigenvalues 4, 1, 0.25; singular values 2, 1, 0.5; M = N = 3, Q = 1.
        var input = FrameInput.FromFeatures("diag", [[2.0, 0, 0], [0, 1.0, 0], [0, 0, 0.5]]);
        var h = FrameAnalyzerGoldenTests.Analyze(input).HeavyTail;
        double[] p = [4 / 5.25, 1 / 5.25, 0.25 / 5.25];
        double[] s = [2 / 3.5, 1 / 3.5, 0.5 / 3.5];

        Assert.Equal(3, h.M);
        Assert.Equal(3, h.N);
        Assert.Equal(1, h.Q);
        Assert.Equal(Math.Log10(5.25), h.LogNorm, 1e-14);
        Assert.Equal(Math.Log10(4), h.LogSpectralNorm, 1e-14);
        Assert.Equal(5.25 / 4, h.StableRank, 1e-14);
        Assert.Equal(-p.Sum(x => x * Math.Log(x)) / Math.Log(3), h.SpectralEntropy!.Value, 1e-14);
        Assert.Equal(Math.Exp(-s.Sum(x => x * Math.Log(x))), h.EffectiveRank, 1e-13);

        // σ² = 5.25 / 9, λ+ = 4σ², λ− = 0; λ_max/N = 4/3.
        Assert.Equal(5.25 / 9, h.MarchenkoPastur.Sigma2, 1e-15);
        Assert.Equal(4 * 5.25 / 9, h.MarchenkoPastur.LambdaPlus, 1e-14);
        Assert.Equal(0, h.MarchenkoPastur.LambdaMinus, 1e-15);
        Assert.Equal(4.0 / 3, h.MarchenkoPastur.ScaledLambdaMax, 1e-14);
        Assert.Equal(4 * 5.25 / 9 / (4.0 / 3), h.MarchenkoPastur.SoftRank, 1e-14);

        // WeightWatcher's rule (default): x_min = 0.25 wins, Σ ln(λ/x_min) = 3 ln 4, so α = 1 + 1/ln 4 and
        // D_KS = 1 − 4^(−1/ln 4) − 1/3 = 1 − 1/e − 1/3 (x_min = 1 gives D = 1/2 − e^(−2) > that); a tail of 3 is low-confidence.
        Assert.True(h.PowerLaw.Succeeded);
        Assert.Equal(1 + (1 / Math.Log(4)), h.PowerLaw.Alpha!.Value, 1e-14);
        Assert.Equal(1 - Math.Exp(-1) - (1.0 / 3), h.PowerLaw.KsDistance!.Value, 1e-14);
        Assert.Equal(3, h.PowerLaw.TailSize);
        Assert.True(h.PowerLaw.LowConfidence);

        // The stricter rule: three eigenvalues cannot make a tail of ten: failed, with nulls and a reason.
        var strict = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { HeavyTail = new HeavyTailOptions { XMinRule = XMinRule.MinimumTail } }).HeavyTail;
        Assert.False(strict.PowerLaw.Succeeded);
        Assert.Null(strict.AlphaWeighted);
        Assert.Null(strict.LogAlphaNorm);
        Assert.Null(strict.Quality);
        Assert.Contains("no power-law fit", strict.QualityReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Largest_eigenvalue_of_a_Gaussian_matrix_sits_at_the_Marchenko_Pastur_edge()
    {
        // W 100 × 400 with N(0, 1) entries: σ² ≈ 1, Q = 4, λ+ = (1 + 1/2)² = 2.25 for WᵀW/N.
        var h = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(100, 400, seed: 41)).HeavyTail;

        Assert.Equal(100, h.M);
        Assert.Equal(400, h.N);
        Assert.Equal(4, h.Q);
        Assert.Equal(1, h.MarchenkoPastur.Sigma2, 0.02);
        Assert.Equal(h.MarchenkoPastur.Sigma2 * 2.25, h.MarchenkoPastur.LambdaPlus, 1e-12);
        Assert.Equal(h.MarchenkoPastur.LambdaPlus, h.MarchenkoPastur.ScaledLambdaMax, 0.05 * h.MarchenkoPastur.LambdaPlus);
        Assert.InRange(h.MarchenkoPastur.SpikeCount, 0, 2);
        Assert.Equal(h.MarchenkoPastur.Sigma2 * 0.25, h.MarchenkoPastur.LambdaMinus, 1e-12);

        // Shuffling i.i.d. entries changes nothing of substance.
        Assert.NotNull(h.Shuffle);
        Assert.Equal(1, h.Shuffle!.LambdaMaxRatio, 0.05);
        Assert.True(h.Shuffle.SpectrumDistance < 0.1);
    }

    [Fact]
    public void A_planted_spike_stands_above_the_bulk_and_the_shuffle_destroys_it()
    {
        var input = TestFrames.Random(100, 400, seed: 42);
        var w = (double[])input.Weights.Clone();
        var u = TestFrames.Gaussian(100, 43);
        var v = TestFrames.Gaussian(400, 44);
        for (var j = 0; j < 400; j++)
        {
            for (var i = 0; i < 100; i++)
            {
                w[i + (j * 100)] += 0.3 * u[i] * v[j];
            }
        }

        var h = FrameAnalyzerGoldenTests.Analyze(input with { Weights = w }).HeavyTail;

        Assert.True(h.MarchenkoPastur.SpikeCount >= 1);
        Assert.True(h.MarchenkoPastur.Spikes[0] > 2 * h.MarchenkoPastur.LambdaPlus);
        Assert.True(h.MarchenkoPastur.SoftRank < 0.5);
        Assert.True(h.Shuffle!.LambdaMaxRatio < 0.5);
    }

    [Theory]
    [InlineData(1.5, "over-fit")]
    [InlineData(3.0, "typical")]
    [InlineData(9.0, "under-trained")]
    public void Quality_band_follows_the_fitted_alpha(double alpha, string band)
    {
        // A diagonal frame whose eigenvalues are Pareto(α) samples: the ESD is that sample.
        var values = PowerLawFitterTests.Pareto(alpha, 300, seed: 7);
        var m = values.Length;
        var w = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            w[i + (i * m)] = Math.Sqrt(values[i]);
        }

        var h = FrameAnalyzerGoldenTests.Analyze(new FrameInput("pareto", m, m, w)).HeavyTail;

        Assert.True(h.PowerLaw.Succeeded);
        Assert.True(Math.Abs(h.PowerLaw.Alpha!.Value - alpha) <= 4 * h.PowerLaw.Sigma!.Value, $"α = {h.PowerLaw.Alpha} ± {h.PowerLaw.Sigma}");
        Assert.Equal(band, h.Quality);
        Assert.Equal(h.PowerLaw.Alpha.Value * h.LogSpectralNorm, h.AlphaWeighted!.Value, 1e-12);
        Assert.Equal(Math.Log10(values.Sum(l => Math.Pow(l, h.PowerLaw.Alpha.Value))), h.LogAlphaNorm!.Value, 1e-9);
    }

    [Fact]
    public void Shuffle_null_is_seeded()
    {
        var input = TestFrames.LowRank(10, 50, 2, seed: 3);
        var a = FrameAnalyzerGoldenTests.Analyze(input).HeavyTail.Shuffle!;
        var b = FrameAnalyzerGoldenTests.Analyze(input).HeavyTail.Shuffle!;
        var other = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { HeavyTail = new HeavyTailOptions { ShuffleSeed = 99 } }).HeavyTail.Shuffle!;
        var off = FrameAnalyzerGoldenTests.Analyze(input, new AnalysisOptions { HeavyTail = new HeavyTailOptions { ShuffleNull = false } }).HeavyTail;

        Assert.Equal(a, b);
        Assert.NotEqual(a.SpectrumDistance, other.SpectrumDistance);
        Assert.InRange(a.SpectrumDistance, 0.1, 2);
        Assert.Null(off.Shuffle);
    }
}
