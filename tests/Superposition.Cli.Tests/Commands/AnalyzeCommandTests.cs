using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Recognizer_output_layer_json_has_the_issue_fields_and_consistent_numbers()
    {
        string folder = RepoPaths.NewTempFolder();
        string json = Path.Combine(folder, "rec.json"), csv = Path.Combine(folder, "rec.csv");
        var result = CliRunner.Run("analyze", RepoPaths.Recognizer, "--layers", "linear_85*", "--json", json, "--csv", csv, "--per-feature");
        Assert.True(result.ExitCode == 0, result.Error);

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("backend").GetString())); // the backend is always named
        var layer = Assert.Single(root.GetProperty("layers").EnumerateArray());
        foreach (string field in new[] { "name", "op", "shape", "dtype", "orientation", "features", "hidden", "eigenvalues", "rank", "sumD",
            "capacityRatio", "dimsPerFeature", "tightness", "framePotential", "localization", "coherence", "esd", "geometry" })
        {
            Assert.True(layer.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal((6625, 120), (layer.GetProperty("features").GetInt32(), layer.GetProperty("hidden").GetInt32()));
        var eigenvalues = layer.GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(120, eigenvalues.Count);
        Assert.Equal(eigenvalues.OrderByDescending(v => v), eigenvalues);
        // tr F = ‖W‖_F², which numpy gives as 13592.622949906689 for this tensor (see the loader's sample tests).
        Assert.Equal(13592.622949906689, eigenvalues.Sum(), 1e-6);
        // D* = m / ‖W‖_F² (MATH.md section 2).
        Assert.Equal(120 / 13592.622949906689, layer.GetProperty("dimsPerFeature").GetDouble(), 1e-12);
        // Σ D_i ≤ rank ≤ m (capacity identity), and the per-feature D array sums to it.
        double sumD = layer.GetProperty("sumD").GetDouble();
        Assert.InRange(sumD, 0, 120);
        var d = layer.GetProperty("perFeature").GetProperty("d").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(6625, d.Count);
        Assert.Equal(sumD, d.Sum(), 1e-8);

        string[] lines = File.ReadAllLines(csv);
        Assert.StartsWith("name,status,reason,op", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("linear_85.w_0,analysed,", StringComparison.Ordinal));
    }

    [Fact]
    public void Managed_and_native_backends_agree_on_a_small_model()
    {
        string folder = RepoPaths.NewTempFolder();
        string managed = Path.Combine(folder, "m.json"), native = Path.Combine(folder, "n.json");
        Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--backend", "managed", "--json", managed).ExitCode);
        var nativeRun = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--backend", "native", "--json", native);
        if (nativeRun.ExitCode == ExitCodes.Of(ErrorKind.NativeLibraryMissing)) return; // covered by the backend tests' own skip
        Assert.Equal(0, nativeRun.ExitCode);
        using var a = JsonDocument.Parse(File.ReadAllText(managed));
        using var b = JsonDocument.Parse(File.ReadAllText(native));
        var layersA = a.RootElement.GetProperty("layers").EnumerateArray().ToList();
        var layersB = b.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(layersA.Count, layersB.Count);
        for (int i = 0; i < layersA.Count; i++)
        {
            foreach (string field in new[] { "sumD", "capacityRatio", "dimsPerFeature", "tightness", "framePotential" })
            {
                double x = layersA[i].GetProperty(field).GetDouble(), y = layersB[i].GetProperty(field).GetDouble();
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{field}: managed {x} vs native {y}");
            }
        }
    }
}
