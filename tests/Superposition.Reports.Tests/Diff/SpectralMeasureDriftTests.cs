using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

/// <summary>
/// The per-feature W₁ drift of the spectral measure on the ln λ axis, on frames whose answer is known: itself, an
/// orthogonal rotation, hand-built moves between eigenvalues, a rescaling, growing seeded noise.
/// </summary>
public sealed class SpectralMeasureDriftTests
{
    [Theory]
    [InlineData(6, 15)]
    [InlineData(20, 64)]
    public void A_frame_against_itself_has_zero_drift(int m, int n)
    {
        var w = Gaussian(m, n, new Random(m * n));
        var drift = Compare(m, n, w, w).SpectralMeasureDrift!;
        Assert.Equal(n, drift.Distances.Count);
        Assert.Equal(0, drift.Max);
    }

    /// <summary>B = Q W with a seeded random orthogonal Q: eigenvalues and every μ_i are the same, so W₁ is zero up to rounding (tolerance 1e-9 nats).</summary>
    [Theory]
    [InlineData(5, 12)]
    [InlineData(16, 50)]
    [InlineData(32, 40)]
    public void An_orthogonal_rotation_of_the_hidden_space_moves_no_measure(int m, int n)
    {
        var random = new Random(3 * m);
        var w = Gaussian(m, n, random);
        var q = Orthogonal(m, random);
        var rotated = new double[m * n];
        Backend.Gemm(false, false, m, n, m, q, w, rotated);
        var diff = Compare(m, n, w, rotated);
        Assert.True(diff.RelativeFrobeniusChange > 0.1, "the rotation changes the weights");
        Assert.InRange(diff.SpectralMeasureDrift!.Max, 0, 1e-9);
    }

    /// <summary>
    /// A: w₁ = (2, 0), w₂ = (0, 1), so F = diag(4, 1), μ₁ = δ(ln 4), μ₂ = δ(ln 1). B: w₁ = (0, 1), w₂ = (2, 0): the same
    /// spectrum, but feature 1's measure moves from λ = 4 to λ = 1 and feature 2's the other way: W₁ = ln 4 each.
    /// D_i = ‖w_i‖²/κ_i is 1 for every feature in both, so the D_i drift cannot see this move.
    /// </summary>
    [Fact]
    public void A_feature_whose_measure_moves_from_one_eigenvalue_to_the_other_drifts_by_the_log_ratio()
    {
        var diff = Compare(2, 2, [2, 0, 0, 1], [0, 1, 2, 0]);
        var drift = diff.SpectralMeasureDrift!;
        Assert.Equal([Math.Log(4), Math.Log(4)], drift.Distances, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(4, drift.MostMoved.Single(x => x.Feature == 0).CentreA, 1e-12);
        Assert.Equal(1, drift.MostMoved.Single(x => x.Feature == 0).CentreB, 1e-12);
        Assert.Equal(0, diff.Drift!.MaxAbsolute, 1e-12);
    }

    /// <summary>
    /// A: w₁ = (1, 0), w₂ = (0, 1) (F = I); B: w₁ = (1, 0), w₂ = (0, 2) (F = diag(1, 4)). Feature 1 stays on λ = 1,
    /// feature 2 moves from 1 to 4: distances 0 and ln 4, mean ln 4 / 2, feature 2 first among the most moved.
    /// </summary>
    [Fact]
    public void One_feature_moving_gives_the_hand_computed_mean_and_ranking()
    {
        var drift = Compare(2, 2, [1, 0, 0, 1], [1, 0, 0, 2]).SpectralMeasureDrift!;
        Assert.Equal(0, drift.Distances[0], 1e-12);
        Assert.Equal(Math.Log(4), drift.Distances[1], 1e-12);
        Assert.Equal(Math.Log(4) / 2, drift.Mean, 1e-12);
        Assert.Equal(1, drift.MostMoved[0].Feature);
    }

    /// <summary>
    /// Rank-deficient frames with a dead feature: m = 3, features (1, 0, 0), (0, 2, 0), 0 in A and (0, 2, 0), (1, 0, 0), 0
    /// in B. F has a zero eigenvalue, which carries no feature mass, so the two live features drift by exactly ln 4 and
    /// the dead one is left out.
    /// </summary>
    [Fact]
    public void Zero_eigenvalues_carry_no_mass_and_dead_features_are_left_out()
    {
        var drift = Compare(3, 3, [1, 0, 0, 0, 2, 0, 0, 0, 0], [0, 2, 0, 1, 0, 0, 0, 0, 0]).SpectralMeasureDrift!;
        Assert.Equal(1, drift.Excluded);
        Assert.Equal(2, drift.Distances.Count);
        Assert.All(drift.Distances, d => Assert.Equal(Math.Log(4), d, 1e-12));
        Assert.Equal(1e-8 * 4, drift.Floor, 1e-20);
    }

    /// <summary>B = c·A multiplies every eigenvalue by c² and keeps every p_ik: each measure translates by 2 ln c on the log axis.</summary>
    [Theory]
    [InlineData(4, 9, 2.0)]
    [InlineData(12, 30, 0.5)]
    public void Rescaling_the_weights_by_c_moves_every_measure_by_two_ln_c(int m, int n, double c)
    {
        var w = Gaussian(m, n, new Random(m + 100));
        var drift = Compare(m, n, w, w.Select(x => c * x).ToArray()).SpectralMeasureDrift!;
        Assert.All(drift.Distances, d => Assert.Equal(2 * Math.Abs(Math.Log(c)), d, 1e-9));
    }

    [Fact]
    public void Growing_seeded_noise_makes_the_mean_and_max_drift_grow()
    {
        const int m = 16, n = 60;
        var w = Gaussian(m, n, new Random(1));
        var noise = Gaussian(m, n, new Random(2));
        var drifts = new[] { 1e-3, 1e-2, 0.05, 0.2, 0.8 }.Select(eps => Compare(m, n, w, w.Select((x, i) => x + (eps * noise[i])).ToArray()).SpectralMeasureDrift!).ToList();
        for (int i = 1; i < drifts.Count; i++)
        {
            Assert.True(drifts[i].Mean > drifts[i - 1].Mean, $"mean W₁ grows: {string.Join(", ", drifts.Select(d => d.Mean))}");
            Assert.True(drifts[i].Max > drifts[i - 1].Max, $"max W₁ grows: {string.Join(", ", drifts.Select(d => d.Max))}");
        }
    }

    /// <summary>A seeded orthogonal matrix: Gram–Schmidt on Gaussian columns (m × m, column-major).</summary>
    private static double[] Orthogonal(int m, Random random)
    {
        var q = Gaussian(m, m, random);
        for (int c = 0; c < m; c++)
        {
            for (int p = 0; p < c; p++)
            {
                double dot = 0;
                for (int r = 0; r < m; r++) dot += q[r + (c * m)] * q[r + (p * m)];
                for (int r = 0; r < m; r++) q[r + (c * m)] -= dot * q[r + (p * m)];
            }

            double norm = Math.Sqrt(Enumerable.Range(0, m).Sum(r => q[r + (c * m)] * q[r + (c * m)]));
            for (int r = 0; r < m; r++) q[r + (c * m)] /= norm;
        }

        return q;
    }
}
