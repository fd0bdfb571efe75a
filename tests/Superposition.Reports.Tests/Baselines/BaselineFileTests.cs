using Superposition.Reports.Baselines;

namespace Superposition.Reports.Tests.Baselines;

public sealed class BaselineFileTests
{
    [Theory]
    [InlineData(6625, 120, 221, 4)] // the recognizer's classifier: n/m = 55.2 at m = 4
    [InlineData(27, 16, 7, 4)]
    [InlineData(480, 480, 4, 4)]
    [InlineData(5, 2, 5, 2)]       // m under the cap: the very shape
    [InlineData(32, 1, 32, 1)]
    public void Toy_shape_keeps_n_over_m_with_m_capped_at_four(int n, int m, int toyN, int toyM) =>
        Assert.Equal(new ToyShape(toyN, toyM), BaselineSettings.Default.ShapeFor(n, m));

    [Fact]
    public void Round_trip_gives_the_same_frames_and_the_same_bytes()
    {
        var shape = new ToyShape(3, 2);
        var set = new ShapeBaseline(shape, "fp", [new ToyFrame(0, 0.1, 0.02, [1f, -0.5f, 1e-7f, 0.25f, 3.1415927f, -2f]), new ToyFrame(1, 1, 0.5, [0, 0, 0, 0, 0, 1])]);
        string path = Path.Combine(Path.GetTempPath(), $"bl-{Guid.NewGuid():N}.json");
        BaselineFile.Write(path, set);
        var back = BaselineFile.Read(path);
        Assert.Equal(shape, back.Shape);
        Assert.Equal("fp", back.Fingerprint);
        Assert.Equal(set.Frames[0].Weights, back.Frames[0].Weights);
        Assert.Equal(set.Frames[1].FeatureProbability, back.Frames[1].FeatureProbability);
        Assert.Equal(BaselineFile.ToBytes(set), BaselineFile.ToBytes(back));
        File.Delete(path);
    }

    [Fact]
    public void Frame_with_the_wrong_number_of_weights_is_an_invalid_file_naming_it()
    {
        var set = new ShapeBaseline(new ToyShape(3, 2), "fp", [new ToyFrame(0, 0.1, 0.02, [1f, 2f])]);
        string path = Path.Combine(Path.GetTempPath(), $"bl-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, BaselineFile.ToBytes(set));
        var e = Assert.Throws<SuperpositionException>(() => BaselineFile.Read(path));
        Assert.Equal(ErrorKind.InvalidModel, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains("3 × 2 = 6", e.Message);
        File.Delete(path);
    }

    [Fact]
    public void Fingerprint_changes_with_every_training_setting()
    {
        var shape = new ToyShape(8, 4);
        string baseline = BaselineSettings.Default.Fingerprint(shape);
        Assert.NotEqual(baseline, (BaselineSettings.Default with { Steps = 2001 }).Fingerprint(shape));
        Assert.NotEqual(baseline, (BaselineSettings.Default with { Seed = 2 }).Fingerprint(shape));
        Assert.NotEqual(baseline, BaselineSettings.Default.Fingerprint(new ToyShape(8, 3)));
    }
}
