using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.Tests.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.HeavyTail;

/// <summary>The MP bulk fitted to the density, the Tracy–Widom spike count and the randomization measures (MATH.md section 4).</summary>
public sealed class MarchenkoPasturFitTests
{
    private static AnalysisOptions Options => new() { GroupingSensitivity = false };

    [Theory]
    [InlineData(100, 400, 1)]
    [InlineData(150, 300, 2)]
    public void Pure_noise_fits_sigma_one_after_rescaling_and_has_no_spikes_or_traps(int m, int n, int seed)
    {
        // i.i.d. entries: the ESD rescaled to mean 1 is MP with σ = 1 (λ+ = (1 + 1/√Q)²); nothing sits above λ+ + TW.
        var h = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(m, n, seed), Options).HeavyTail;
        var fit = h.MarchenkoPastur.Fit!;

        Assert.True(fit.Succeeded, fit.Reason);
        Assert.InRange(fit.SigmaMp!.Value, 0.9, 1.1);
        Assert.Equal(0, fit.SpikeCount);
        Assert.Equal(0, h.Shuffle!.CorrelationTraps);
        Assert.Equal(1, h.Shuffle.Replicas);
        Assert.True(h.Shuffle.JensenShannonDistance < 0.05, $"JS {h.Shuffle.JensenShannonDistance}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Planted_strong_directions_are_counted_as_spikes(int planted)
    {
        const int m = 100, n = 400;
        var w = TestFrames.Gaussian(m * n, 7);
        for (var p = 0; p < planted; p++)
        {
            // A rank-one term 4·sqrt(n)·e_p f_pᵀ, f_p = sqrt(2/n)·cos(2π(p + 1)j/n) orthonormal across p: eigenvalues ≈ 16 n,
            // far above the bulk edge λ+ ≈ (1 + 1/2)² n of the noise.
            for (var j = 0; j < n; j++)
            {
                w[p + (j * m)] += 4.0 * Math.Sqrt(n) * Math.Sqrt(2.0 / n) * Math.Cos(2 * Math.PI * (p + 1) * j / n);
            }
        }

        var fit = FrameAnalyzerGoldenTests.Analyze(new FrameInput("planted", m, n, w), Options).HeavyTail.MarchenkoPastur.Fit!;
        Assert.True(fit.Succeeded, fit.Reason);
        Assert.Equal(planted, fit.SpikeCount);
    }

    [Fact]
    public void Small_layers_pool_five_shuffles_for_the_trap_count()
    {
        var h = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(20, 60, 4), Options).HeavyTail;
        Assert.Equal(5, h.Shuffle!.Replicas);
        Assert.NotNull(h.Shuffle.Fit);
    }

    [Fact]
    public void Jensen_Shannon_distance_matches_a_hand_computation()
    {
        // p = (1, 3)/4, q = (3, 1)/4, m = (1/2, 1/2): KL(p‖m) = KL(q‖m) = (1/4)ln(1/2) + (3/4)ln(3/2).
        var expected = Math.Sqrt((0.25 * Math.Log(0.5)) + (0.75 * Math.Log(1.5)));
        Assert.Equal(expected, ShuffleNull.JensenShannonDistance([1.0, 3.0], [3.0, 1.0]), 1e-15);
        Assert.Equal(0.0, ShuffleNull.JensenShannonDistance([1.0, 2.0, 5.0], [1.0, 2.0, 5.0]), 1e-15);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    public void Nelder_Mead_finds_the_minimum_of_a_parabola_to_its_tolerance(double centre)
    {
        var x = NelderMead.Minimize(s => (s - centre) * (s - centre), centre * 0.7);
        Assert.Equal(centre, x, 1e-3);
    }

    [Fact]
    public void Fit_can_be_switched_off()
    {
        var h = FrameAnalyzerGoldenTests.Analyze(TestFrames.Random(10, 30, 1), new AnalysisOptions { HeavyTail = new HeavyTailOptions { MarchenkoPasturFit = false } }).HeavyTail;
        Assert.Null(h.MarchenkoPastur.Fit);
        Assert.Null(h.Shuffle!.CorrelationTraps);
    }
}
