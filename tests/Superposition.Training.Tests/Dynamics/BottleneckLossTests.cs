using Superposition.Training.Dynamics;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Dynamics;

public sealed class BottleneckLossTests
{
    [Theory]
    [InlineData(0.8, -0.3, 0.0)]
    [InlineData(0.8, -0.3, 1.0)]
    [InlineData(-0.5, 0.2, 0.7)]
    [InlineData(0.0, 0.1, 0.5)]
    [InlineData(0.0, -0.1, 0.5)]
    [InlineData(2.0, 0.5, 1.0)]
    public void Closed_form_relu_error_integral_matches_midpoint_quadrature(double g, double c, double e)
    {
        const int m = 200_000;
        double sum = 0;
        for (int j = 0; j < m; j++)
        {
            double v = (j + 0.5) / m;
            double r = Math.Max((g * v) + c, 0) - (e * v);
            sum += r * r;
        }

        Assert.Equal(sum / m, BottleneckLoss.ReluSquaredError(g, c, e), 8);
    }

    [Fact]
    public void Stratified_loss_matches_a_large_monte_carlo_estimate()
    {
        // Small instance: N = 40, K = 4, random W (std 0.4) and biases in [-0.2, 0.1]; 400k plain samples.
        const int n = 40, k = 4, samples = 400_000;
        var o = new DynamicsOptions { Features = n, Bottleneck = k, MultiFeatureSamples = 20_000 };
        var data = new PowerLawData(new PowerLawSetting(1.5, 0.5), n, 1.0);
        var rng = new Xoshiro256(11);
        var w = Enumerable.Range(0, k * n).Select(_ => (float)(0.4 * rng.NextGaussian())).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => (float)((0.3 * rng.NextDouble()) - 0.2)).ToArray();
        double exact = new BottleneckLoss(o, data, 3).Evaluate(w, b);
        var index = new int[n];
        var value = new float[n];
        var h = new float[k];
        var outp = new float[n];
        double sum = 0, sum2 = 0;
        for (int s = 0; s < samples; s++)
        {
            int c = data.Draw(ref rng, index, value);
            BottleneckStudent.Forward(w, b, n, k, index, value, c, h, outp);
            double l = 0;
            var y = new double[n];
            for (int q = 0; q < c; q++) y[index[q]] = data.Teacher[index[q]] * (double)value[q];
            for (int j = 0; j < n; j++) l += Math.Pow(Math.Max(outp[j], 0f) - y[j], 2);
            sum += l;
            sum2 += l * l;
        }

        double mean = sum / samples, se = Math.Sqrt(((sum2 / samples) - (mean * mean)) / samples);
        // The stratified estimate has its own (smaller) sampling error from the ≥ 2 stratum: allow 5 combined s.e.
        Assert.InRange(exact, mean - (5 * 1.5 * se), mean + (5 * 1.5 * se));
    }

    [Fact]
    public void Sample_gradient_matches_finite_differences()
    {
        const int n = 12, k = 3;
        var rng = new Xoshiro256(21);
        var w = Enumerable.Range(0, k * n).Select(_ => (float)(0.5 * rng.NextGaussian())).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => (float)(0.2 * rng.NextGaussian())).ToArray();
        var teacher = Enumerable.Range(0, n).Select(i => (float)Math.Pow(i + 1, -0.5)).ToArray();
        int[] index = [1, 4, 7];
        float[] value = [0.9f, 0.4f, 0.7f];
        var gw = new float[k * n];
        var gb = new float[n];
        BottleneckStudent.AddSampleGradient(w, b, teacher, n, k, index, value, 3, 1f, gw, gb, new float[k], new float[k], new float[n], new int[n]);
        double Loss()
        {
            var h = new float[k];
            var o = new float[n];
            BottleneckStudent.Forward(w, b, n, k, index, value, 3, h, o);
            double l = 0;
            for (int j = 0; j < n; j++)
            {
                int q = Array.IndexOf(index, j);
                double y = q >= 0 ? teacher[j] * (double)value[q] : 0;
                l += Math.Pow(Math.Max(o[j], 0f) - y, 2);
            }

            return l;
        }

        const float eps = 1e-3f;
        foreach (var (array, grad) in new[] { (w, gw), (b, gb) })
            for (int j = 0; j < array.Length; j++)
            {
                float keep = array[j];
                array[j] = keep + eps;
                double up = Loss();
                array[j] = keep - eps;
                double down = Loss();
                array[j] = keep;
                Assert.Equal((up - down) / (2 * eps), grad[j], 2);
            }
    }
}
