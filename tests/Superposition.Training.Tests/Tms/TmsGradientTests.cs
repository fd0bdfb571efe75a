using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Tms;

public sealed class TmsGradientTests
{
    /// <summary>Independent double-precision loss: mean over rows and features of I_i (ReLU(Wᵀ W x + b)_i − A_i x_i)².</summary>
    private static double ReferenceLoss(double[] p, double[] x, int rows, int n, int m, double[] imp, double[] teacher)
    {
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            var h = new double[m];
            for (int k = 0; k < m; k++)
                for (int i = 0; i < n; i++) h[k] += p[(k * n) + i] * x[(r * n) + i];
            for (int i = 0; i < n; i++)
            {
                double y = p[(m * n) + i];
                for (int k = 0; k < m; k++) y += p[(k * n) + i] * h[k];
                double e = Math.Max(y, 0) - (teacher[i] * x[(r * n) + i]);
                sum += imp[i] * e * e;
            }
        }

        return sum / (rows * (double)n);
    }

    [Theory]
    [InlineData(7, 3, 1.0)]
    [InlineData(20, 5, 0.3)]
    [InlineData(5, 2, 0.05)]
    public void Hand_written_gradient_matches_central_finite_differences(int n, int m, double probability) =>
        GradientMatchesFiniteDifferences(n, m, probability, batchKernel: false);

    // The batch-on-lanes kernel needs 512-bit vectors in hardware; elsewhere it is reported as skipped.
    [Superposition.Training.Tests.Support.RequiresBatchKernelTheory]
    [InlineData(7, 3, 1.0)]
    [InlineData(20, 5, 0.3)]
    [InlineData(5, 2, 0.05)]
    [InlineData(37, 9, 0.5)]
    public void Batch_kernel_gradient_matches_central_finite_differences(int n, int m, double probability) =>
        GradientMatchesFiniteDifferences(n, m, probability, batchKernel: true);

    private static void GradientMatchesFiniteDifferences(int n, int m, double probability, bool batchKernel)
    {
        var imp = Enumerable.Range(0, n).Select(i => Math.Pow(0.9, i)).ToArray();
        var teacher = Enumerable.Range(0, n).Select(i => 1.0 + (0.1 * i)).ToArray();
        var options = new TmsOptions { Features = n, Hidden = m, FeatureProbabilities = [probability], Importance = imp, TeacherScale = teacher, EvaluationSamples = 1 };
        var worker = new TmsWorker(options, 0, 11, batchKernel);
        var rng = new Xoshiro256(5);
        var p = new float[(m + 1) * n];
        for (int j = 0; j < p.Length; j++) p[j] = (float)(0.6 * rng.NextGaussian());
        for (int i = 0; i < n; i++) p[(m * n) + i] = (float)(0.3 * rng.NextGaussian()); // bias: mixed signs, so some ReLUs are active
        worker.SetParameters(p);
        int rows = batchKernel ? 83 : 64; // 83: a partial last row vector and a partial 64-row block, masked
        var x = new float[rows * n];
        TmsKernel.Sample(ref rng, probability, x);
        var grad = new float[p.Length];
        double loss = worker.LossAndGradient(x, rows, grad);

        double[] pd = p.Select(v => (double)v).ToArray();
        double[] xd = x.Select(v => (double)v).ToArray();
        Assert.Equal(ReferenceLoss(pd, xd, rows, n, m, imp, teacher), loss, 1e-5);
        const double h = 1e-5;
        double maxAbs = grad.Max(v => Math.Abs(v));
        for (int j = 0; j < p.Length; j++)
        {
            double saved = pd[j];
            pd[j] = saved + h;
            double up = ReferenceLoss(pd, xd, rows, n, m, imp, teacher);
            pd[j] = saved - h;
            double down = ReferenceLoss(pd, xd, rows, n, m, imp, teacher);
            pd[j] = saved;
            double fd = (up - down) / (2 * h);
            // float32 accumulation: agree to 1e-4 relative to the largest gradient entry.
            Assert.True(Math.Abs(fd - grad[j]) <= 1e-4 * maxAbs + 1e-7, $"param {j}: analytic {grad[j]}, finite difference {fd}");
        }
    }
}
