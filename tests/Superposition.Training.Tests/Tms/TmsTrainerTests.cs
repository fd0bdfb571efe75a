using Superposition.Training.Geometry;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Tms;

public sealed class TmsTrainerTests
{
    [Fact]
    public void Same_seed_gives_identical_weights_and_other_seed_differs()
    {
        var options = TmsPresets.FiveTwo() with { Steps = 300, FeatureProbabilities = [1.0, 0.1, 0.05] };
        var a = TmsTrainer.Train(options);
        var b = TmsTrainer.Train(options);
        var c = TmsTrainer.Train(options with { Seed = 1 });
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(a.Instances[i].W, b.Instances[i].W);
            Assert.Equal(a.Instances[i].Bias, b.Instances[i].Bias);
            Assert.Equal(a.Instances[i].FinalLoss, b.Instances[i].FinalLoss);
            Assert.NotEqual(a.Instances[i].W, c.Instances[i].W);
        }
    }

    [Fact]
    public void Chunk_parallel_and_instance_parallel_schedules_give_identical_results()
    {
        // One instance runs its batch chunks in parallel; four instances run one thread each. Same numbers.
        var options = TmsPresets.FiveTwo() with { Steps = 200, FeatureProbabilities = [0.3, 0.2, 0.1, 0.05] };
        var one = TmsTrainer.Train(options with { OnlyInstances = [0] });
        var many = TmsTrainer.Train(options);
        Assert.Equal(one.Instances[0].W, many.Instances[0].W);
    }

    [Fact]
    public void Dense_data_learns_the_two_most_important_features_orthogonally()
    {
        // p = 1: the top m = 2 features (importance 1 and 0.9) get norm ~1 and are orthogonal, the rest ~0 (MATH.md 7).
        var run = TmsTrainer.Train(TmsPresets.FiveTwo() with { OnlyInstances = [0] });
        var r = run.Instances[0];
        var g = ToyGeometry.Of(r.W, 2, 5);
        Assert.InRange(g.Norms[0], 0.9, 1.1);
        Assert.InRange(g.Norms[1], 0.9, 1.1);
        for (int i = 2; i < 5; i++) Assert.True(g.Norms[i] < 0.1, $"feature {i} norm {g.Norms[i]}");
        double dot = (r.At(0, 0) * r.At(0, 1)) + (r.At(1, 0) * r.At(1, 1));
        Assert.True(Math.Abs(dot) < 0.05, $"w0·w1 = {dot}");
        Assert.InRange(g.Dimensionality[0], 0.98, 1.0 + 1e-9);
        Assert.InRange(g.Dimensionality[1], 0.98, 1.0 + 1e-9);
    }

    [Fact]
    public void Sparse_five_two_learns_a_pentagon()
    {
        // p = 0.05: all five features packed as a regular pentagon, D_i = 2/5 (MATH.md 3, golden table).
        // Local minima exist at this probability (MATH.md 7): of seeds 0-7 trained alone, 5 reach the pentagon
        // (loss 0.0015-0.0016) and 3 end in two antipodal pairs plus a weak fifth feature (0.0025-0.0032), so four
        // seeds are trained and the lowest loss kept. The pentagon's norms come out near 1.14, not 1: the negative
        // bias cuts the interference, and the weights grow to compensate; the bound is [0.95, 1.25].
        // Instance 9 of the notebook's 5-2 preset is p = 20^(−1) = 0.05.
        var run = TmsTrainer.Train(TmsPresets.FiveTwo() with { OnlyInstances = [9], SeedsPerInstance = 4 });
        var r = run.Instances[0];
        Assert.True(r.KeptBestOfSeveral);
        var g = ToyGeometry.Of(r.W, 2, 5);
        Assert.All(g.Norms, v => Assert.InRange(v, 0.95, 1.25));
        Assert.All(g.Dimensionality, d => Assert.InRange(d, 0.4 - 0.02, 0.4 + 0.02));
        Assert.True(g.TightnessResidual < 0.05, $"tightness residual {g.TightnessResidual}");
    }
}
