using Superposition.Training.Mimo;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Mimo;

public sealed class MimoTrainerTests
{
    [Theory]
    [InlineData(MimoUnbinding.Learned)]
    [InlineData(MimoUnbinding.FixedKey)]
    public void Hand_written_gradient_matches_finite_differences(MimoUnbinding unbinding)
    {
        // Tiny network (D 3, F 6, H 5, C 3, N 3), loss = Σ_s CE_s + key penalty, central differences in double
        // around float parameters: step 1e-3, tolerance 2e-3 absolute (float rounding of the loss ~1e-6 / 1e-3).
        var net = new MimoNetwork(3, 6, 5, 3, 3, unbinding);
        var rng = new Xoshiro256(7);
        net.Initialize(ref rng);
        for (int j = 0; j < net.Parameters.Length; j++) net.Parameters[j] += (float)(0.05 * rng.NextGaussian()); // non-zero biases
        var x = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)rng.NextGaussian()).ToArray()).ToArray();
        int[] labels = [2, 0, 1];
        const double rho = 0.3;
        var grad = new float[net.Parameters.Length];
        net.Run(x, labels, 3, 1f, grad);
        net.KeyPenalty(rho, grad);
        double Loss() => net.Run(x, labels, 3, 1f, null).Loss + net.KeyPenalty(rho, null);
        const float eps = 1e-3f;
        int checkedCount = 0;
        for (int j = 0; j < net.Parameters.Length; j++)
        {
            if (unbinding == MimoUnbinding.FixedKey && j >= net.OffV + (3 * 6) && j < net.OffE) continue; // heads 1, 2 unused
            float keep = net.Parameters[j];
            net.Parameters[j] = keep + eps;
            double up = Loss();
            net.Parameters[j] = keep - eps;
            double down = Loss();
            net.Parameters[j] = keep;
            Assert.True(Math.Abs(((up - down) / (2 * eps)) - grad[j]) < 2e-3, $"parameter {j}: numeric {(up - down) / (2 * eps)}, analytic {grad[j]}");
            checkedCount++;
        }

        Assert.True(checkedCount >= 140, $"{checkedCount} parameters checked"); // 176 parameters, 36 unused by the fixed-key head
    }

    [Fact]
    public void Key_penalty_is_zero_for_orthonormal_keys_and_counts_norm_and_overlap()
    {
        // Keys e_0 and e_1 (orthonormal): R = 0. Keys 2 e_0 and e_0: R = ρ[(4−1)² + 0 + (2)²] = ρ·13.
        var net = new MimoNetwork(1, 4, 1, 2, 2, MimoUnbinding.Learned);
        void SetKeys(float a, float b, int second)
        {
            Array.Clear(net.Parameters, net.OffKeys, 8);
            net.Parameters[net.OffKeys] = a;
            net.Parameters[net.OffKeys + 4 + second] = b;
        }

        SetKeys(1, 1, 1);
        Assert.Equal(0, net.KeyPenalty(0.5, null), 12);
        Assert.Equal(0, net.KeyCosineSquared(), 12);
        SetKeys(2, 1, 0);
        Assert.Equal(0.5 * 13, net.KeyPenalty(0.5, null), 5);
        Assert.Equal(1, net.KeyCosineSquared(), 6);
    }

    [Fact]
    public void Small_study_is_deterministic_beats_chance_and_makes_keys_more_orthogonal_than_random()
    {
        // D 8, F 16, H 16, N 1 and 4, 300 steps: both runs must agree bit for bit; N = 1 well above chance (0.1);
        // the regulariser drives the four learned keys below the random-key mean cos² 1/F = 0.0625.
        var o = new MimoOptions { InputDimension = 8, Width = 16, HiddenWidth = 16, Slots = [1, 4], Steps = 300, BatchSize = 16, EvaluationSamples = 300, Noise = 1.0 };
        var first = MimoTrainer.Run(o);
        var second = MimoTrainer.Run(o);
        Assert.Equal(first.Cells, second.Cells);
        Assert.True(first.Cells[0].Accuracy > 0.5, $"N = 1 accuracy {first.Cells[0].Accuracy}");
        Assert.True(first.Cells[1].KeyCosineSquared < 0.5 / 16, $"key cos² {first.Cells[1].KeyCosineSquared}");
        Assert.True(double.IsNaN(first.Cells[0].KeyCosineSquared));
    }
}
