using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Tms;

/// <summary>
/// Every preset against the values of Anthropic's notebook, written down here from the notebook itself
/// (toy_models.ipynb: <c>optimize(model, n_batch=1024, steps=10_000, lr=1e-3, lr_scale=constant_lr)</c> with
/// <c>torch.optim.AdamW(list(model.parameters()), lr=lr)</c>, whose PyTorch defaults are betas (0.9, 0.999),
/// eps 1e-8, weight_decay 0.01; <c>nn.init.xavier_normal_(self.W)</c> on W of shape [n_instances, n_features,
/// n_hidden], for which PyTorch's fans are fan_in = n_features·n_hidden and fan_out = n_instances·n_hidden).
/// </summary>
public sealed class TmsPresetsTests
{
    public static TheoryData<string, int, int, int> Shapes => new()
    {
        // name, n_features, n_hidden, n_instances
        { "5-2", 5, 2, 10 },
        { "100-20", 100, 20, 20 },
        { "200-20", 200, 20, 20 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Preset_uses_the_notebooks_training_setup(string name, int n, int m, int instances)
    {
        var o = TmsPresets.ByName(name);
        Assert.Equal(name, o.Name);
        Assert.Equal(n, o.Features);
        Assert.Equal(m, o.Hidden);
        Assert.Equal(instances, o.FeatureProbabilities.Count);
        Assert.Equal(ToyOptimizer.AdamW, o.Optimizer);
        Assert.Equal(0.001, o.LearningRate);
        Assert.Equal(0.9, o.Beta1);
        Assert.Equal(0.999, o.Beta2);
        Assert.Equal(1e-8, o.Epsilon);
        Assert.Equal(0.01, o.WeightDecay);
        Assert.Equal(1024, o.BatchSize);
        Assert.Equal(10_000, o.Steps);
        Assert.Equal(TmsInitialization.XavierWholeTensor, o.Initialization);
        Assert.Equal(1.0, o.InitScale);

        // xavier_normal_: std = sqrt(2 / (fan_in + fan_out)) = sqrt(2 / ((n + instances)·m)).
        Assert.Equal(Math.Sqrt(2.0 / ((n * m) + (instances * m))), o.InitialStd, 15);
        Assert.Null(o.FrequencyProfile);
        Assert.Null(o.TeacherScale);
        Assert.Null(o.OnlyInstances);
        Assert.Equal(1, o.SeedsPerInstance);
    }

    [Theory]
    [InlineData("5-2", 10)]
    [InlineData("100-20", 20)]
    [InlineData("200-20", 20)]
    public void Preset_sweeps_feature_probability_from_1_to_1_over_20(string name, int instances)
    {
        // The notebook: feature_probability = 20 ** -torch.linspace(0, 1, n_instances) for all three cells.
        var o = TmsPresets.ByName(name);
        for (int i = 0; i < instances; i++)
            Assert.Equal(Math.Pow(20.0, -i / (double)(instances - 1)), o.FeatureProbabilities[i], 12);
        Assert.Equal(1.0, o.FeatureProbabilities[0], 15);
        Assert.Equal(0.05, o.FeatureProbabilities[^1], 12);
    }

    [Fact]
    public void Importance_profiles_are_the_notebooks()
    {
        // 5-2: importance = 0.9 ** torch.arange(5).
        Assert.Equal(new[] { 1.0, 0.9, 0.81, 0.729, 0.6561 }, TmsPresets.FiveTwo().Importance!.Select(v => Math.Round(v, 12)));

        // 100-20: importance = 100 ** -torch.linspace(0, 1, 100): 1 at feature 0, 0.01 at feature 99, 100^(−1/99) ratio.
        var imp = TmsPresets.HundredTwenty().Importance!;
        Assert.Equal(100, imp.Count);
        Assert.Equal(1.0, imp[0], 15);
        Assert.Equal(0.01, imp[99], 12);
        Assert.Equal(Math.Pow(100.0, -50.0 / 99.0), imp[50], 12);

        // 200-20: "For this experiment, use constant importance" (importance=None, i.e. 1).
        Assert.Null(TmsPresets.TwoHundredTwenty().Importance);
    }

    [Fact]
    public void Record_defaults_are_free_settings_not_the_notebooks()
    {
        // A bare TmsOptions is not the notebook: no weight decay and per-matrix Xavier (sqrt(2/(n+m))).
        var o = new TmsOptions { Features = 200, Hidden = 20, FeatureProbabilities = [1.0, 0.5] };
        Assert.Equal(0.0, o.WeightDecay);
        Assert.Equal(Math.Sqrt(2.0 / 220), o.InitialStd, 15);
    }

    [Fact]
    public void Training_a_subset_of_instances_reproduces_those_instances_of_the_full_run()
    {
        var full = TmsPresets.FiveTwo() with { Steps = 150, BatchSize = 256, EvaluationSamples = 512 };
        var all = TmsTrainer.Train(full);
        var part = TmsTrainer.Train(full with { OnlyInstances = [7, 2] });
        Assert.Equal(new[] { 7, 2 }, part.Instances.Select(r => r.Instance));
        Assert.Equal(all.Instances[7].W, part.Instances[0].W);
        Assert.Equal(all.Instances[2].Bias, part.Instances[1].Bias);
        Assert.Equal(all.Instances[7].FinalLoss, part.Instances[0].FinalLoss);
    }
}
