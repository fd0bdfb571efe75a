using System.Text.Json;
using Superposition.Cli.Tests.Support;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>
/// diff compares each pair under the memory budget analyze uses. A MatMul [64, 512] against its int8 copy: each
/// analysis needs under 2 MiB, the comparison with its noise reference 3.5 MiB plus one more analysis, so above 4 MiB
/// and below 6 (DiffCostTests has the arithmetic).
/// </summary>
public sealed class DiffMemoryBudgetTests
{
    [Fact]
    public void A_pair_over_the_budget_is_not_compared_and_says_why_with_the_partial_exit_code()
    {
        var (model, quantized, folder) = Models();
        string json = Path.Combine(folder, "small.json");
        var result = CliRunner.Run("diff", model, quantized, "--memory-budget", "4", "--json", json);
        Assert.Equal(11, result.ExitCode);
        Assert.Contains("--memory-budget", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(0, document.RootElement.GetProperty("layers").GetArrayLength());
        var skipped = document.RootElement.GetProperty("tooLarge").EnumerateArray().Single();
        Assert.Equal("w.weight", skipped.GetProperty("name").GetString());
        Assert.Contains("over the memory budget of 4", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_within_the_budget_is_compared()
    {
        var (model, quantized, folder) = Models();
        string json = Path.Combine(folder, "large.json");
        var result = CliRunner.Run("diff", model, quantized, "--memory-budget", "6", "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(1, document.RootElement.GetProperty("layers").GetArrayLength());
        Assert.Empty(document.RootElement.GetProperty("tooLarge").EnumerateArray());
    }

    private static (string Model, string Quantized, string Folder) Models()
    {
        string folder = RepoPaths.NewTempFolder();
        var random = new Random(64);
        var weights = Enumerable.Range(0, 64 * 512).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        string model = new ModelBuilder().Initializer(ModelBuilder.Float32("w.weight", [64, 512], weights)).Node("MatMul", "mm", ["x", "w.weight"], ["y"]).Save(folder, "w.onnx");
        string quantized = Path.Combine(folder, "w_int8.onnx");
        Int8Copy.Write(model, quantized);
        return (model, quantized, folder);
    }
}
