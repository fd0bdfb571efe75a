using Superposition.Reports.Diff;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Tests.Diff;

/// <summary>
/// The diff's answers on frames whose change is known by construction: none, a rotation of the hidden space, noise of
/// growing size, a rank-4 update. Frames are seeded Gaussian m × n (features × hidden as the analysis reads them).
/// </summary>
public sealed class ModelDifferTests
{
    private static readonly ILinearAlgebraBackend Backend = LinearAlgebraBackends.Create(BackendChoice.Auto);

    [Theory]
    [InlineData(8, 20)]
    [InlineData(24, 90)]
    public void A_frame_against_itself_changes_nothing(int m, int n)
    {
        var w = Gaussian(m, n, new Random(m + n));
        var a = Layer("w", m, n, w);
        var diff = ModelDiffer.CompareLayer(a, w, a, w, "name", Backend);
        Assert.Equal(0, diff.RelativeFrobeniusChange);
        Assert.Null(diff.DifferenceStableRank); // the difference is 0: no direction to count
        Assert.All(diff.Measures, c => Assert.True(c.Change is null || c.Change == 0, c.Name));
        Assert.All(diff.Angles.SelectMany(x => x.Degrees), d => Assert.InRange(d, 0, 1e-6));
        Assert.Equal(0, diff.Drift!.MaxAbsolute);
        Assert.Equal(0, diff.Magnitude);
    }

    /// <summary>
    /// B = Q W with Q the rotation by θ in the plane of A's top and bottom eigenvectors: every frame measure is
    /// rotation invariant, and the top-k eigenspace (k below m) turns by exactly θ in one direction.
    /// </summary>
    [Theory]
    [InlineData(12, 40, 30.0)]
    [InlineData(20, 70, 5.0)]
    public void A_rotated_hidden_space_keeps_every_measure_and_turns_the_eigenspaces_as_constructed(int m, int n, double degrees)
    {
        var w = Gaussian(m, n, new Random(7 * m));
        var basis = FrameEigenbasis.Of(m, n, w, Backend);
        double theta = degrees * Math.PI / 180;
        var q = new double[m * m];
        for (int i = 0; i < m; i++) q[i + (i * m)] = 1;
        // Q = I + (cos θ − 1)(u uᵀ + v vᵀ) + sin θ (v uᵀ − u vᵀ), u the top and v the bottom eigenvector of W Wᵀ.
        var u = basis.Vectors[..m];
        var v = basis.Vectors[((m - 1) * m)..];
        for (int c = 0; c < m; c++)
        {
            for (int r = 0; r < m; r++) q[r + (c * m)] += ((Math.Cos(theta) - 1) * ((u[r] * u[c]) + (v[r] * v[c]))) + (Math.Sin(theta) * ((v[r] * u[c]) - (u[r] * v[c])));
        }

        var rotated = new double[m * n];
        Backend.Gemm(false, false, m, n, m, q, w, rotated);
        var diff = ModelDiffer.CompareLayer(Layer("w", m, n, w), w, Layer("w", m, n, rotated), rotated, "name", Backend);

        foreach (var change in diff.Measures)
        {
            if (change.Change is double delta) Assert.True(Math.Abs(delta) <= 1e-9 * Math.Max(1, Math.Abs(change.A!.Value)), $"{change.Name}: {change.A} → {change.B}");
        }

        Assert.InRange(diff.Drift!.MaxAbsolute, 0, 1e-9);
        foreach (var angles in diff.Angles)
        {
            double expected = angles.K < m ? degrees : 0; // the whole space (k = m) does not turn
            Assert.Equal(expected, angles.Largest, 1e-6);
            Assert.All(angles.Degrees.SkipLast(1), d => Assert.InRange(d, 0, 1e-6));
        }

        Assert.Contains(diff.Angles, a => a.K == 1);
        Assert.Contains(diff.Angles, a => a.K == m);
    }

    [Fact]
    public void Growing_seeded_noise_makes_every_drift_grow()
    {
        const int m = 16, n = 60;
        var w = Gaussian(m, n, new Random(1));
        var noise = Gaussian(m, n, new Random(2));
        var a = Layer("w", m, n, w);
        var diffs = new[] { 1e-3, 1e-2, 0.05, 0.2, 0.8 }.Select(eps =>
        {
            var b = w.Select((x, i) => x + (eps * noise[i])).ToArray();
            return ModelDiffer.CompareLayer(a, w, Layer("w", m, n, b), b, "name", Backend);
        }).ToList();

        AssertIncreasing(diffs.Select(d => d.RelativeFrobeniusChange!.Value), "‖ΔW‖/‖W‖");
        AssertIncreasing(diffs.Select(d => d.Drift!.MeanAbsolute), "mean |ΔD_i|");
        AssertIncreasing(diffs.Select(d => d.Angles.First(x => x.K == 4).Largest), "θ_max(k = 4)");
        AssertIncreasing(diffs.Select(d => Math.Abs(d.Measures.First(x => x.Name == "τ").Change!.Value)), "|Δτ|");
        // The stable rank of dense Gaussian noise is large (no few directions dominate).
        Assert.All(diffs, d => Assert.True(d.DifferenceStableRank > 4, "noise is not low-rank"));
    }

    [Fact]
    public void A_rank_four_update_of_one_layer_has_a_difference_of_stable_rank_at_most_four_and_is_the_largest_change()
    {
        var random = new Random(4);
        var pairs = new List<LayerDiff>();
        for (int l = 0; l < 4; l++)
        {
            int m = 16 + (4 * l), n = 50;
            var w = Gaussian(m, n, random);
            var b = (double[])w.Clone();
            if (l == 2)
            {
                var left = Gaussian(m, 4, random);
                var right = Gaussian(4, n, random);
                var update = new double[m * n];
                Backend.Gemm(false, false, m, n, 4, left, right, update);
                for (int i = 0; i < b.Length; i++) b[i] += 0.05 * update[i];
            }
            else
            {
                var noise = Gaussian(m, n, random);
                for (int i = 0; i < b.Length; i++) b[i] += 1e-3 * noise[i];
            }

            pairs.Add(ModelDiffer.CompareLayer(Layer($"layer{l}", m, n, w), w, Layer($"layer{l}", m, n, b), b, "name", Backend));
        }

        var largest = pairs.OrderByDescending(p => p.Magnitude).First();
        Assert.Equal("layer2", largest.Name);
        Assert.InRange(largest.DifferenceStableRank!.Value, 1, 4 + 1e-9);
    }

    [Fact]
    public void Difference_measures_match_a_hand_computation()
    {
        // A = [[1, 0], [0, 1]] (2 × 2), B = [[1, 0], [0, 3]]: Δ = diag(0, 2), ‖Δ‖_F/‖A‖_F = 2/√2 = √2, stable rank 4/4 = 1.
        var (relative, stableRank) = ModelDiffer.DifferenceMeasures(2, 2, [1, 0, 0, 1], [1, 0, 0, 3], Backend);
        Assert.Equal(Math.Sqrt(2), relative, 1e-15);
        Assert.Equal(1, stableRank!.Value, 1e-12);

        // Δ = diag(1, 1, 1) in a 3 × 3 frame: stable rank 3.
        var (_, three) = ModelDiffer.DifferenceMeasures(3, 3, new double[9], [1, 0, 0, 0, 1, 0, 0, 0, 1], Backend);
        Assert.Equal(3, three!.Value, 1e-12);
    }

    [Fact]
    public void Layers_pair_by_name_then_by_op_role_and_shape_and_the_rest_stay_unpaired()
    {
        var w = Gaussian(4, 6, new Random(3));
        var a = new[] { Layer("x", 4, 6, w), Layer("old.name", 4, 6, w), Layer("gone", 4, 8, Gaussian(4, 8, new Random(5))) };
        var b = new[] { Layer("new.name", 4, 6, w), Layer("x", 4, 6, w), Layer("added", 3, 6, Gaussian(3, 6, new Random(6))) };
        var (pairs, onlyA, onlyB) = LayerPairing.Pair(a, b);
        // Both frames are read by the same node ("mm"), the rule tried before role and shape (LayerPairingTests has the rest).
        Assert.Equal([("x", "x", "name"), ("old.name", "new.name", "consuming node")], pairs.Select(p => (p.A.Name, p.B.Name, p.By)));
        Assert.Equal(["gone"], onlyA.Select(l => l.Name));
        Assert.Equal(["added"], onlyB.Select(l => l.Name));
    }

    private static void AssertIncreasing(IEnumerable<double> values, string what)
    {
        var list = values.ToList();
        for (int i = 1; i < list.Count; i++) Assert.True(list[i] > list[i - 1], $"{what} grows with the noise: {string.Join(", ", list)}");
    }

    private static LayerAnalysis Layer(string name, int m, int n, double[] weights)
    {
        var analysis = FrameAnalyzer.Analyze(new FrameInput(name, m, n, weights), AnalysisOptions.Default with { PerFeature = true }, Backend);
        return new LayerAnalysis(name, name, "MatMul", "mm", [n, m], "float32", "read", $"{n} units in R^{m}", n, m, null, [], 0, analysis);
    }

    private static double[] Gaussian(int rows, int cols, Random random) =>
        Enumerable.Range(0, rows * cols).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
}
