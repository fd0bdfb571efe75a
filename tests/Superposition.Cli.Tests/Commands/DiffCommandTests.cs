using System.Text.Json;
using Superposition.Cli.Tests.Support;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    [Fact]
    public void A_model_against_itself_changes_nothing()
    {
        string folder = RepoPaths.NewTempFolder(), json = Path.Combine(folder, "diff.json");
        var result = CliRunner.Run("diff", RepoPaths.WakeWordHead, RepoPaths.WakeWordHead, "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var layers = document.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(3, layers.Count);
        foreach (var layer in layers)
        {
            Assert.Equal(0, layer.GetProperty("relativeFrobeniusChange").GetDouble());
            Assert.False(layer.TryGetProperty("differenceStableRank", out _)); // no difference, no stable rank
            foreach (var measure in layer.GetProperty("measures").EnumerateArray())
            {
                // Zero up to OpenBLAS' summation order: tests share one process, and a concurrently running test's
                // analysis may set the process-wide BLAS thread count between the analyses of A and B (a CLI run does
                // one analysis at a time). 1e-12 relative is far below any printed digit.
                if (measure.TryGetProperty("change", out var change))
                {
                    double scale = Math.Max(Magnitude(measure, "a"), Magnitude(measure, "b"));
                    Assert.True(Math.Abs(change.GetDouble()) <= 1e-12 * scale, $"{layer.GetProperty("name").GetString()}: {measure.GetProperty("name").GetString()} changed by {change.GetDouble():R}");
                }
            }

            foreach (var angles in layer.GetProperty("principalAngles").EnumerateArray()) Assert.InRange(angles.GetProperty("largest").GetDouble(), 0, 1e-6);
            Assert.Equal(0, layer.GetProperty("spectralMeasureDrift").GetProperty("max").GetDouble());
            Assert.NotEqual("changed", layer.GetProperty("geometry").GetProperty("verdict").GetString());
            Assert.NotEqual("lost", layer.GetProperty("geometry").GetProperty("verdict").GetString());
        }

        Assert.Empty(document.RootElement.GetProperty("unpairedA").EnumerateArray());
    }

    private static double Magnitude(JsonElement measure, string side) =>
        measure.TryGetProperty(side, out var value) && value.ValueKind == JsonValueKind.Number ? Math.Abs(value.GetDouble()) : 0;

    /// <summary>
    /// The wake-word head against its int8 copy (per-tensor symmetric): every layer paired by name and marked quantized,
    /// the relative Frobenius change equal to the quantization error computed here from the float weights.
    /// </summary>
    [Fact]
    public void A_float_model_against_its_int8_copy_shows_the_quantization_error_per_layer()
    {
        string folder = RepoPaths.NewTempFolder(), int8 = Path.Combine(folder, "hello_deepa_int8.onnx");
        var quantized = Int8Copy.Write(RepoPaths.WakeWordHead, int8);
        string json = Path.Combine(folder, "diff.json"), pdf = Path.Combine(folder, "diff.pdf"), html = Path.Combine(folder, "diff.html");
        var result = CliRunner.Run("diff", RepoPaths.WakeWordHead, int8, "--json", json, "-o", pdf, "--html", html);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var layers = document.RootElement.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(quantized.Keys.Order(StringComparer.Ordinal), layers.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (floats, dequantized)) in quantized)
        {
            var layer = layers[name];
            Assert.Equal("name", layer.GetProperty("pairedBy").GetString());
            Assert.True(layer.GetProperty("quantized").GetBoolean());
            double error = 0, norm = 0;
            for (int i = 0; i < floats.Length; i++)
            {
                error += (dequantized[i] - floats[i]) * (dequantized[i] - floats[i]);
                norm += (double)floats[i] * floats[i];
            }

            double expected = Math.Sqrt(error / norm);
            Assert.InRange(expected, 1e-4, 0.05); // int8 of a trained layer: a fraction of a percent to a few percent
            Assert.Equal(expected, layer.GetProperty("relativeFrobeniusChange").GetDouble(), expected * 1e-5);
        }

        Assert.True(new FileInfo(pdf).Length > 0 && new FileInfo(html).Length > 0);
    }
}
