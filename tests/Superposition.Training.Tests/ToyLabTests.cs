using System.Text.Json;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests;

public sealed class ToyLabTests
{
    [Fact]
    public void Train_with_out_dir_writes_a_model_and_a_description_per_instance()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sp-h4-lab-" + Guid.NewGuid().ToString("N"));
        try
        {
            var reports = new List<ToyProgress>();
            var progress = new SynchronousProgress(reports);
            var run = ToyLab.Train(TmsPresets.FiveTwo() with { Steps = 100, FeatureProbabilities = [1.0, 0.1], SeedsPerInstance = 2 }, dir, progress);
            Assert.True(File.Exists(Path.Combine(dir, "tms_5-2_i00.onnx")));
            Assert.True(File.Exists(Path.Combine(dir, "tms_5-2_i01.onnx")));
            Assert.True(File.Exists(Path.Combine(dir, "summary.md")));
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "tms_5-2_i01.json")));
            var root = doc.RootElement;
            Assert.Equal("5-2", root.GetProperty("setup").GetString());
            Assert.Equal(0.1, root.GetProperty("feature_probability").GetDouble());
            Assert.Equal(100, root.GetProperty("steps").GetInt32());
            Assert.True(root.GetProperty("kept_lowest_loss_of_several_seeds").GetBoolean());
            Assert.Equal(2, root.GetProperty("seeds").GetArrayLength());
            Assert.Equal(run.Instances[1].FinalLoss, root.GetProperty("final_loss").GetDouble());
            Assert.Equal(5, root.GetProperty("importance").GetArrayLength());
            Assert.Equal(100, root.GetProperty("loss_curve")[root.GetProperty("loss_curve").GetArrayLength() - 1][0].GetInt32());
            Assert.Equal(2L * 2 * 100, reports[^1].Total);
            Assert.Equal(reports[^1].Total, reports.Max(r => r.Completed));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Invalid_options_are_invalid_argument_errors()
    {
        var e = Assert.Throws<SuperpositionException>(() => ToyLab.Train(TmsPresets.FiveTwo() with { FeatureProbabilities = [1.5] }));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        e = Assert.Throws<SuperpositionException>(() => TmsPresets.ByName("3-1"));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    private sealed class SynchronousProgress(List<ToyProgress> sink) : IProgress<ToyProgress>
    {
        public void Report(ToyProgress value)
        {
            lock (sink) sink.Add(value);
        }
    }
}
