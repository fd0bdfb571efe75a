using Superposition.Training.Export;
using Superposition.Training.Tms;

namespace Superposition.Runtime.Tests.ToyExports;

/// <summary>Every exported toy model, run by ONNX Runtime, computes what the trainer's own forward pass computes.</summary>
public sealed class ToyExportRuntimeTests
{
    public static TheoryData<string> Presets => new() { "5-2", "100-20", "200-20" };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Exported_toy_models_match_the_trainer_forward_pass_to_1e_5(string preset)
    {
        // Short training (the weights only need to be trained, not converged), every instance of the preset.
        var options = TmsPresets.ByName(preset) with { Steps = 60, BatchSize = 128, EvaluationSamples = 256, Seed = 3 };
        var run = TmsTrainer.Train(options);
        var random = new Random(17);
        foreach (var instance in run.Instances)
        {
            int n = instance.Features, rows = 64;
            // Sparse inputs as in training, plus dense rows so every output unit is exercised.
            var x = new float[rows * n];
            for (int i = 0; i < x.Length; i++) x[i] = i / n % 2 == 0 ? (random.NextDouble() < instance.FeatureProbability ? (float)random.NextDouble() : 0f) : (float)random.NextDouble();

            float[] expected = TmsForward.Run(instance, x, rows);
            using var session = OrtSession.FromBytes(TmsOnnxExporter.ToBytes(instance, options.Name));
            var y = session.Run("x", OrtTensor.Create(x, rows, n))["y"].GetData<float>();
            Assert.Equal(expected.Length, y.Length);
            double worst = 0;
            for (int i = 0; i < y.Length; i++) worst = Math.Max(worst, Math.Abs(y[i] - expected[i]));
            Assert.True(worst <= 1e-5, $"{preset} instance {instance.Instance}: max |ORT − trainer| = {worst:E2}");
            Assert.Contains(expected, v => v > 0); // not a vacuous all-zero comparison
        }
    }
}
