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
    public void Compare_names_a_nearest_toy_regime_for_every_layer()
    {
        string json = Path.Combine(RepoPaths.NewTempFolder(), "compare.json");
        var result = CliRunner.Run("compare", RepoPaths.WakeWordHead, "--baselines", toys.Folder, "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var baselines = document.RootElement.GetProperty("baselines").EnumerateArray().ToList();
        Assert.Equal(2, baselines.Count);
        Assert.Contains(baselines, b => b.GetProperty("regime").GetString()!.Contains("pentagon", StringComparison.Ordinal));
        Assert.Contains(baselines, b => b.GetProperty("regime").GetString()!.StartsWith("no superposition: 2 feature(s)", StringComparison.Ordinal));
        var matches = document.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(3, matches.Count);
        Assert.All(matches, m => Assert.Contains(m.GetProperty("closeness").GetString(), new[] { "close", "loose", "far" }));
    }

    [Fact]
    public void Dynamics_and_mimo_write_their_tables()
    {
        string folder = RepoPaths.NewTempFolder();
        var dynamics = CliRunner.Run("toy", "dynamics", "--steps", "300", "--features", "12", "--bottleneck", "4", "--setting", "2,1", "--out", folder);
        Assert.True(dynamics.ExitCode == 0, dynamics.Error);
        Assert.Contains("(a+2b-1)/a", File.ReadAllText(Path.Combine(folder, "dynamics.md")));
        Assert.Contains("| 2 | 1 | 1.500 |", dynamics.Out); // the diagonal-linear prediction (2 + 2 - 1)/2

        var mimo = CliRunner.Run("toy", "mimo", "--steps", "40", "--dimension", "16", "--slots", "1", "2", "--out", folder);
        Assert.True(mimo.ExitCode == 0, mimo.Error);
        Assert.True(File.Exists(Path.Combine(folder, "mimo.md")));
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
