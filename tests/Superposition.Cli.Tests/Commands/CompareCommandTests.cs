using System.Text.Json;
using Superposition.Reports.Baselines;
using Superposition.Tests.Shared;
using Superposition.Training.Tms;
using Xunit.Abstractions;

namespace Superposition.Cli.Tests.Commands;

/// <summary>
/// The recovery test of the toy placement: frames trained by the tool at known feature probabilities, at shapes that
/// are not in the shipped set (m = 3; the shipped shapes have m = 4 or m = 1), saved as ONNX models with
/// neutral names and compared as if they were real layers.
/// </summary>
public sealed class CompareCommandTests(ITestOutputHelper output)
{
    /// <summary>Shapes and feature probabilities of the frames to recover; none of these shapes is shipped.</summary>
    public static TheoryData<int, int, double> Frames => new()
    {
        { 18, 3, 0.3 }, { 18, 3, 0.1 }, { 18, 3, 0.03 },
        { 30, 3, 0.3 }, { 30, 3, 0.1 }, { 30, 3, 0.03 },
    };

    private static readonly Lazy<string> Store = new(RepoPaths.NewTempFolder);

    /// <summary>One MatMul layer x[·, n] · A[n, m] whose frame is W (the n rows of A are the features).</summary>
    private static string SaveAsLayer(string folder, string file, int n, int m, Func<int, int, float> w)
    {
        var a = new float[n * m];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < m; k++) a[(i * m) + k] = w(k, i);
        }

        return new ModelBuilder().Initializer(ModelBuilder.Float32("encoder.weight", [n, m], a)).Node("MatMul", "encoder", ["x", "encoder.weight"], ["y"]).Save(folder, file);
    }

    private static JsonElement CompareOne(string model)
    {
        string json = Path.ChangeExtension(model, ".compare.json");
        var result = CliRunner.Run("compare", model, "--baselines", Store.Value, "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        var layers = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("layers");
        Assert.Equal(1, layers.GetArrayLength());
        return layers[0].Clone();
    }

    private static string Interval(JsonElement baseline) => string.Join(", ", baseline.GetProperty("interval").EnumerateArray().Select(e => e.GetDouble().ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Frames))]
    public void Toy_frame_of_a_shape_not_shipped_is_placed_within_a_factor_of_two_of_its_feature_probability(int n, int m, double truth)
    {
        Assert.Null(new BaselineStore(Path.Combine(RepoPaths.Models, "baselines"), RepoPaths.NewTempFolder(), BaselineSettings.Default).Find(new ToyShape(n, m)));
        // The same training settings as the baselines, but another seed: the frame is a fresh draw, not one of the baselines.
        var settings = BaselineSettings.Default;
        var run = TmsTrainer.Train(new TmsOptions { Name = "x", Features = n, Hidden = m, FeatureProbabilities = [truth], Steps = settings.Steps, BatchSize = settings.BatchSize, Seed = 9001 });
        var toy = run.Instances[0];
        string model = SaveAsLayer(RepoPaths.NewTempFolder(), "model.onnx", n, m, (k, i) => toy.At(k, i));

        var layer = CompareOne(model);
        var baseline = layer.GetProperty("baseline");
        double p = baseline.GetProperty("featureProbability").GetDouble();
        Assert.Equal(n, baseline.GetProperty("n").GetInt32());
        Assert.Equal(m, baseline.GetProperty("m").GetInt32());
        output.WriteLine(FormattableString.Invariant($"{n} x {m} at p = {truth}: placed at {p:0.###} [{Interval(baseline)}], distance {baseline.GetProperty("distance").GetDouble():0.###}, null distance {layer.GetProperty("null").GetProperty("distance").GetDouble():0.###}"));
        Assert.InRange(p, truth / 2, truth * 2);
        var interval = baseline.GetProperty("interval").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.True(interval[0] <= p && p <= interval[1], $"interval [{interval[0]}, {interval[1]}] around {p}");
        Assert.True(layer.GetProperty("null").GetProperty("structured").GetBoolean(), "a trained toy differs from its shuffled and Gaussian nulls");
        Assert.Equal("toyRegime", layer.GetProperty("regime").GetString());
    }

    [Theory]
    [InlineData(18, 3, 5)]
    [InlineData(30, 3, 6)]
    public void Gaussian_frame_is_called_unstructured(int n, int m, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, n * m).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
        string model = SaveAsLayer(RepoPaths.NewTempFolder(), "model.onnx", n, m, (k, i) => values[(k * n) + i]);
        var layer = CompareOne(model);
        output.WriteLine(FormattableString.Invariant($"Gaussian {n} x {m}: null distance {layer.GetProperty("null").GetProperty("distance").GetDouble():0.###}, regime {layer.GetProperty("regime").GetString()}"));
        Assert.False(layer.GetProperty("null").GetProperty("structured").GetBoolean());
        Assert.Equal("unstructured", layer.GetProperty("regime").GetString());
    }

    [Fact]
    public void Compare_prints_the_rules_and_the_regime_counts()
    {
        string model = SaveAsLayer(RepoPaths.NewTempFolder(), "model.onnx", 18, 3, (k, i) => (float)Math.Cos((k + 1) * (i + 1)));
        var result = CliRunner.Run("compare", model, "--baselines", Store.Value);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(Interpretation.BandsSentence(), result.Out.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("1 layers:", result.Out);
    }
}
