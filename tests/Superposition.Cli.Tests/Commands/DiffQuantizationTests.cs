using System.Text.Json;
using Superposition.Cli.Tests.Support;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>
/// The quantization view end to end: a one-layer ONNX model whose MatMul weight [2, 5] is the regular pentagon
/// (column j = (cos 72°j, sin 72°j)), against DequantizeLinear copies with 127 levels a side (int8) and with one
/// (ternary codes −1, 0, 1 times max|w| = 1).
/// </summary>
public sealed class DiffQuantizationTests
{
    [Fact]
    public void The_pentagon_survives_int8_and_the_noise_reference_has_the_quantizations_size()
    {
        var layer = Diff(127, out string folder);
        Assert.True(layer.GetProperty("quantized").GetBoolean());
        Assert.Equal("survived", layer.GetProperty("geometry").GetProperty("verdict").GetString());
        var quantization = layer.GetProperty("quantization");
        Assert.Contains("DequantizeLinear", quantization.GetProperty("decoding").GetString(), StringComparison.Ordinal);
        var noise = quantization.GetProperty("noiseReference");
        Assert.Equal(layer.GetProperty("relativeFrobeniusChange").GetDouble(), noise.GetProperty("relativeSize").GetDouble(), 1e-12);
        Assert.Equal(layer.GetProperty("measures").GetArrayLength(), noise.GetProperty("measures").GetArrayLength());
        Assert.True(new FileInfo(Path.Combine(folder, "diff.pdf")).Length > 0);
        string html = File.ReadAllText(Path.Combine(folder, "diff.html"));
        Assert.Contains("Quantization", html, StringComparison.Ordinal);
        Assert.Contains("Per-feature drift of the spectral measure", html, StringComparison.Ordinal);
        Assert.Contains("survived: 1 → 1 localized cluster(s)", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ternary codes give (1, 0), (0, 1), (−1, 1), (−1, −1), (0, −1): F = diag(3, 4) against 2.5·I. Each μ_i^A is δ(ln 2.5);
    /// in B features 1 → δ(ln 3), 2 and 5 → δ(ln 4), 3 and 4 → ½δ(ln 3) + ½δ(ln 4). So W₁ is ln 1.2, ln 1.6, ln 1.6 and
    /// (ln 1.2 + ln 1.6)/2 twice; the geometry is lost (the pentagon's best match, the digon {1, 4}, shares 2 of 5).
    /// </summary>
    [Fact]
    public void The_pentagon_is_lost_to_ternary_codes_and_its_measures_drift_by_the_hand_computed_distances()
    {
        var layer = Diff(1, out string folder);
        Assert.Equal("lost", layer.GetProperty("geometry").GetProperty("verdict").GetString());
        Assert.Contains("pentagon of 5 lost (best match: digon of 2, overlap 0.4)", File.ReadAllText(Path.Combine(folder, "diff.html")), StringComparison.Ordinal);
        var drift = layer.GetProperty("spectralMeasureDrift");
        double l12 = Math.Log(1.2), l16 = Math.Log(1.6);
        Assert.Equal(5, drift.GetProperty("compared").GetInt32());
        Assert.Equal(l16, drift.GetProperty("max").GetDouble(), 1e-6);
        Assert.Equal((l12 + l16 + l16 + (l12 + l16)) / 5, drift.GetProperty("mean").GetDouble(), 1e-6);
        var histogram = drift.GetProperty("histogram");
        Assert.Equal(5, histogram.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
    }

    private static JsonElement Diff(int levels, out string folder)
    {
        folder = RepoPaths.NewTempFolder();
        var pentagon = new float[10];
        for (int j = 0; j < 5; j++)
        {
            pentagon[j] = (float)Math.Cos(2 * Math.PI * j / 5);
            pentagon[5 + j] = (float)Math.Sin(2 * Math.PI * j / 5);
        }

        string model = new ModelBuilder()
            .Initializer(ModelBuilder.Float32("pentagon.weight", [2, 5], pentagon))
            .Node("MatMul", "mm", ["x", "pentagon.weight"], ["y"])
            .Save(folder, "pentagon.onnx");
        string quantized = Path.Combine(folder, "pentagon_q.onnx"), json = Path.Combine(folder, "diff.json");
        Int8Copy.Write(model, quantized, levels);
        var result = CliRunner.Run("diff", model, quantized, "--json", json, "-o", Path.Combine(folder, "diff.pdf"), "--html", Path.Combine(folder, "diff.html"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("geometry", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        return document.RootElement.GetProperty("layers").EnumerateArray().Single().Clone();
    }
}
