using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>Readable layer names in the listing and the audit, per-role depth charts, and all-zero layers as degenerate.</summary>
public sealed class TransformerLayerTests
{
    /// <summary>Three blocks of q, k, v projections [8, 8] with seeded random weights and exporter-style node names.</summary>
    private static string LayeredModel()
    {
        var random = new Random(11);
        var builder = new ModelBuilder();
        string input = "x";
        int index = 0;
        for (int block = 0; block < 3; block++)
        {
            foreach (string role in new[] { "q_proj", "k_proj", "v_proj" })
            {
                var weights = Enumerable.Range(0, 64).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
                builder.Initializer(ModelBuilder.Float32($"onnx::MatMul_{900 + index}", [8, 8], weights))
                    .Node("MatMul", $"/model/layers.{block}/self_attn/{role}/MatMul", [input, $"onnx::MatMul_{900 + index}"], [$"h{index}"]);
                input = $"h{index}";
                index++;
            }
        }

        return builder.Save(RepoPaths.NewTempFolder(), "layered.onnx");
    }

    [Fact]
    public void Inspect_json_lists_the_readable_name_block_and_role_beside_the_tensor_name()
    {
        string json = Path.Combine(RepoPaths.NewTempFolder(), "listing.json");
        var result = CliRunner.Run("inspect", LayeredModel(), "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var row = document.RootElement.GetProperty("tensors").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "onnx::MatMul_904");
        Assert.Equal("model.layers.1.self_attn.k_proj", row.GetProperty("readableName").GetString());
        Assert.Equal(1, row.GetProperty("block").GetInt32());
        Assert.Equal("k", row.GetProperty("role").GetString());
    }

    [Fact]
    public void Audit_names_layers_readably_and_draws_one_depth_chart_per_role()
    {
        string folder = RepoPaths.NewTempFolder();
        string html = Path.Combine(folder, "r.html");
        var result = CliRunner.Run("audit", LayeredModel(), "-o", Path.Combine(folder, "r.pdf"), "--html", html, "--no-baselines");
        Assert.True(result.ExitCode == 0, result.Error);
        string text = File.ReadAllText(html);
        Assert.Contains("Measures across depth", text);
        foreach (string title in new[] { "Query projections (q) across depth", "Key projections (k) across depth", "Value projections (v) across depth", "Power-law exponent α across depth" })
        {
            Assert.Contains(title, text);
        }

        Assert.Contains("model.layers.2.self_attn.v_proj (onnx::MatMul_908)", text);
    }

    [Fact]
    public void All_zero_weight_is_a_degenerate_layer_of_a_valid_model_with_exit_0()
    {
        string path = new ModelBuilder().Initializer(ModelBuilder.Float32("zero_weight", [4, 6], new float[24]))
            .Node("MatMul", "mm", ["x", "zero_weight"], ["y"]).Save(RepoPaths.NewTempFolder(), "zero.onnx");
        var result = CliRunner.Run("analyze", path, "--backend", "managed");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("degenerate layer 'zero_weight'", result.Out);
        Assert.Contains("rank 0", result.Out);
        Assert.Contains("undefined", result.Out);
    }
}
