using Superposition.Training.Optim;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Optim;

public sealed class ParameterOptimizerTests
{
    [Fact]
    public void AdamW_matches_torch_optim_AdamW_step_by_step()
    {
        // torch 1.13.1: p = [0.5, -1, 2], AdamW(lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01),
        // grad at step t = [0.1, -0.2, 0.3] * t * (-1)^t; parameters printed after each step.
        double[][] expected =
        [
            [0.5099499821662903, -1.0098999738693237, 2.0097999572753906],
            [0.5062379240989685, -1.0061379671096802, 2.0059380531311035],
            [0.5096197128295898, -1.009469747543335, 2.0091700553894043],
        ];
        var opt = new ParameterOptimizer(3, ToyOptimizer.AdamW, 1e-2, 0.9, 0.999, 1e-8, 0.01);
        float[] p = [0.5f, -1f, 2f];
        for (int t = 1; t <= 3; t++)
        {
            float sign = t % 2 == 0 ? 1f : -1f;
            opt.Step(p, [0.1f * t * sign, -0.2f * t * sign, 0.3f * t * sign]);
            for (int i = 0; i < 3; i++) Assert.Equal(expected[t - 1][i], p[i], 6); // float32 rounding
        }
    }

    [Fact]
    public void Sgd_with_weight_decay_matches_torch_optim_SGD()
    {
        // torch: SGD(lr=0.1, weight_decay=0.01), p = [0.5, -1, 2], grad [0.1, -0.2, 0.3].
        var opt = new ParameterOptimizer(3, ToyOptimizer.Sgd, 0.1, 0.9, 0.999, 1e-8, 0.01);
        float[] p = [0.5f, -1f, 2f];
        opt.Step(p, [0.1f, -0.2f, 0.3f]);
        Assert.Equal(0.4894999861717224, p[0], 6);
        Assert.Equal(-0.9789999723434448, p[1], 6);
        Assert.Equal(1.968000054359436, p[2], 6);
    }
}
