using Superposition.Training.Mimo;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Mimo;

public sealed class MimoTrainerTests
{
    private static readonly MimoResult Small = MimoTrainer.Run(new MimoOptions { Dimension = 16, HiddenWidth = 64, Steps = 300, BatchSize = 32, EvaluationSamples = 512 });

    [Theory]
    [InlineData(MimoBinding.Bipolar)]
    [InlineData(MimoBinding.Circular)]
    public void Error_grows_with_the_number_of_superposed_inputs(MimoBinding binding)
    {
        var errors = Small.Cells.Where(c => c.Binding == binding).OrderBy(c => c.Slots).Select(c => c.RelativeError).ToArray();
        Assert.Equal(4, errors.Length);
        for (int j = 1; j < errors.Length; j++) Assert.True(errors[j] > errors[j - 1], $"N index {j}: {errors[j]} <= {errors[j - 1]}");
    }

    [Fact]
    public void Random_key_cosine_squared_is_about_one_over_d()
    {
        // E[cos^2] = 1/d for random keys; 256 keys give 32640 pairs, so 15% is several standard errors.
        foreach (var v in Small.SampledKeyCosineSquared.Values) Assert.InRange(v * 16, 0.85, 1.15);
    }

    [Fact]
    public void Bipolar_unbinding_inverts_binding_and_circular_correlation_approximately_inverts_convolution()
    {
        var rng = new Xoshiro256(3);
        const int d = 256;
        var x = Enumerable.Range(0, d).Select(_ => (float)rng.NextGaussian()).ToArray();
        foreach (var kind in new[] { MimoBinding.Bipolar, MimoBinding.Circular })
        {
            var k = Binding.Key(kind, d, ref rng);
            var z = new float[d];
            Binding.BindAdd(kind, k, x, z);
            var back = new float[d];
            Binding.Unbind(kind, k, z, back);
            double dot = 0, nx = 0, nb = 0;
            for (int i = 0; i < d; i++)
            {
                dot += x[i] * back[i];
                nx += x[i] * x[i];
                nb += back[i] * back[i];
            }

            double cos = dot / Math.Sqrt(nx * nb);
            // Bipolar: exact. HRR: the correlation of a convolution recovers x plus noise; for d = 256, cos ~ 0.7.
            Assert.InRange(cos, kind == MimoBinding.Bipolar ? 0.999999 : 0.5, 1.0000001);
        }
    }

    [Fact]
    public void Circular_unbinding_adjoint_satisfies_the_inner_product_identity()
    {
        // <unbind(k, z), v> = <z, adjoint(k, v)> for the correlation and its adjoint (convolution).
        var rng = new Xoshiro256(9);
        const int d = 7;
        var k = Binding.Key(MimoBinding.Circular, d, ref rng);
        var z = Enumerable.Range(0, d).Select(_ => (float)rng.NextGaussian()).ToArray();
        var v = Enumerable.Range(0, d).Select(_ => (float)rng.NextGaussian()).ToArray();
        var u = new float[d];
        Binding.Unbind(MimoBinding.Circular, k, z, u);
        var a = new float[d];
        Binding.UnbindAdjointAdd(MimoBinding.Circular, k, v, a);
        double left = u.Zip(v, (p, q) => (double)p * q).Sum();
        double right = z.Zip(a, (p, q) => (double)p * q).Sum();
        Assert.Equal(left, right, 5);
    }
}
