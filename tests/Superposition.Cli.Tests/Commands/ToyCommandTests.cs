using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>Trains the 5 → 2 toy model once (dense and p = 0.05) for the tests below.</summary>
public sealed class FiveTwoToys
{
    public FiveTwoToys()
    {
        Folder = RepoPaths.NewTempFolder();
        // Several seeds, lowest loss kept: one seed at p = 0.05 can settle in two antipodal pairs (MATH.md section 7).
        Result = CliRunner.Run("toy", "sweep", "--preset", "5-2", "--feature-probability", "1", "0.05", "--seeds", "4", "--out", Folder);
    }

    public string Folder { get; }

    public CliRunner.Result Result { get; }
}

public sealed class ToyCommandTests(FiveTwoToys toys) : IClassFixture<FiveTwoToys>
{
    private static JsonElement AnalyzeToy(string onnx)
    {
        string json = Path.ChangeExtension(onnx, ".analysis.json");
        // Trained frames are symmetric only to about 2√τ, so eigenspaces are grouped within 5% of λ_max.
        var result = CliRunner.Run("analyze", onnx, "--eigenspace-tolerance", "0.05", "--cosine-tolerance", "0.05", "--per-feature", "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        var layers = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("layers");
        Assert.Equal(1, layers.GetArrayLength()); // the toy stores its frame W once; the encoder reads it transposed
        Assert.Equal("W", layers[0].GetProperty("name").GetString());
        return layers[0].Clone();
    }

    [Fact]
    public void Sparse_five_two_model_learns_a_pentagon_read_back_from_its_onnx_export()
    {
        Assert.True(toys.Result.ExitCode == 0, toys.Result.Error);
        string onnx = Directory.GetFiles(toys.Folder, "*_i01.onnx").Single(); // instance 1: p = 0.05
        var layer = AnalyzeToy(onnx);
        Assert.Equal((5, 2), (layer.GetProperty("features").GetInt32(), layer.GetProperty("hidden").GetInt32()));
        var d = layer.GetProperty("perFeature").GetProperty("d").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var norms = layer.GetProperty("perFeature").GetProperty("norm").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.All(norms, n => Assert.True(n > 0.5, $"feature norm {n}: not every feature is represented"));
        Assert.All(d, x => Assert.InRange(x, 0.4 - 0.02, 0.4 + 0.02)); // D_i = 2/5 (MATH.md golden table)
        Assert.InRange(layer.GetProperty("tightness").GetDouble(), 0, 0.05);
        var clusters = layer.GetProperty("geometry").GetProperty("polytopes").GetProperty("clusters").EnumerateArray().ToList();
        Assert.Contains(clusters, c => c.GetProperty("template").GetString() == "pentagon");
    }

    [Fact]
    public void Dense_five_two_model_keeps_two_orthogonal_features()
    {
        string onnx = Directory.GetFiles(toys.Folder, "*_i00.onnx").Single(); // instance 0: p = 1
        var layer = AnalyzeToy(onnx);
        var norms = layer.GetProperty("perFeature").GetProperty("norm").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var strong = norms.Select((n, i) => (n, i)).Where(x => x.n > 0.5).ToList();
        Assert.Equal(2, strong.Count);
        Assert.All(strong, x => Assert.InRange(x.n, 0.9, 1.1));
        Assert.All(norms.Where(n => n <= 0.5), n => Assert.True(n < 0.1, $"a dropped feature kept norm {n}"));
        var d = layer.GetProperty("perFeature").GetProperty("d").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.All(strong, x => Assert.InRange(d[x.i], 0.98, 1.0)); // orthogonal: each has a dimension of its own
    }

    [Fact]
    public void Dynamics_and_mimo_write_their_tables_and_json()
    {
        string folder = RepoPaths.NewTempFolder();
        string dynJson = Path.Combine(folder, "dynamics.json");
        var dynamics = CliRunner.Run("toy", "dynamics", "--features", "40", "--bottleneck", "4", "--setting", "2,1", "--seeds", "2", "--duration", "100", "--window", "1,100", "--weight-decay", "0", "--out", folder, "--json", dynJson);
        Assert.True(dynamics.ExitCode == 0, dynamics.Error);
        Assert.True(File.Exists(Path.Combine(folder, "dynamics_curves.csv")));
        using (var doc = JsonDocument.Parse(File.ReadAllText(dynJson)))
        {
            var setting = doc.RootElement.GetProperty("settings")[0];
            Assert.Equal(1.5, setting.GetProperty("theory").GetProperty("linear").GetDouble(), 12); // (2 + 2 − 1)/2
            Assert.Equal(1.0, setting.GetProperty("theory").GetProperty("tied").GetDouble(), 12); // (2 + 2 − 1)/3
            Assert.Equal(40, setting.GetProperty("n").GetInt32());
            Assert.Equal(2, setting.GetProperty("seeds").GetInt32());
            Assert.Equal(100, setting.GetProperty("window")[1].GetDouble());
            foreach (string student in new[] { "linear", "tied", "bottleneck" })
                Assert.Equal(2, setting.GetProperty("alpha").GetProperty(student).GetProperty("seeds").GetArrayLength());
        }

        string mimoJson = Path.Combine(folder, "mimo.json");
        var mimo = CliRunner.Run("toy", "mimo", "--steps", "40", "--width", "16", "--slots", "1", "2", "--out", folder, "--json", mimoJson);
        Assert.True(mimo.ExitCode == 0, mimo.Error);
        Assert.True(File.Exists(Path.Combine(folder, "mimo.md")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "mimo.svg")));
        using (var doc = JsonDocument.Parse(File.ReadAllText(mimoJson)))
        {
            var results = doc.RootElement.GetProperty("results");
            Assert.Equal(2, results.GetArrayLength());
            Assert.Equal(JsonValueKind.Null, results[0].GetProperty("keyCos2").ValueKind); // one key: no pair
            Assert.InRange(results[1].GetProperty("keyCos2").GetDouble(), 0, 1);
            Assert.InRange(results[1].GetProperty("fixedUnbindingAccuracy").GetDouble(), 0, 1);
        }

        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), CliRunner.Run("toy", "dynamics", "--setting", "two,one", "--out", folder).ExitCode);
    }

    [Fact]
    public void Missing_baselines_folder_is_an_argument_error()
    {
        var result = CliRunner.Run("compare", RepoPaths.WakeWordHead, "--baselines", Path.Combine(RepoPaths.NewTempFolder(), "none"));
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("--baselines", result.Error);
    }
}
