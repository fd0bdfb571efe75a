using System.Text;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>Bad input ends in one readable line and a named exit code, never a stack trace or a partial file.</summary>
public sealed class ErrorHandlingTests
{
    private static void AssertOneCleanLine(CliRunner.Result result)
    {
        // Progress lines may precede it on stderr; the failure itself is the last line, and the only error line.
        Assert.DoesNotContain("   at ", result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: ", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_saved_as_onnx_exits_with_invalid_model_and_names_the_file()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder(), "page.onnx");
        File.WriteAllText(path, "<html><head><title>Sign in</title></head></html>");
        foreach (string verb in new[] { "inspect", "analyze" })
        {
            var result = CliRunner.Run(verb, path);
            Assert.Equal(ExitCodes.Of(ErrorKind.InvalidModel), result.ExitCode);
            Assert.Contains("page.onnx", result.Error);
            AssertOneCleanLine(result);
        }
    }

    [Fact]
    public void Truncated_sample_model_exits_with_invalid_model()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder(), "cut.onnx");
        File.WriteAllBytes(path, File.ReadAllBytes(RepoPaths.WakeWordHead)[..50_000]);
        var result = CliRunner.Run("analyze", path);
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidModel), result.ExitCode);
        AssertOneCleanLine(result);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var result = CliRunner.Run("inspect", RepoPaths.WakeWordHead, "--no-such-option");
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("--no-such-option", result.Error);
    }

    [Fact]
    public void Unwritable_json_path_fails_and_leaves_no_file()
    {
        string folder = RepoPaths.NewTempFolder();
        string blocker = Path.Combine(folder, "file.txt");
        File.WriteAllText(blocker, "a regular file cannot hold other files");
        string target = Path.Combine(blocker, "out.json");
        var result = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--json", target);
        Assert.Equal(ExitCodes.Of(ErrorKind.OutputFailed), result.ExitCode);
        AssertOneCleanLine(result);
        Assert.Equal(["file.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal("a regular file cannot hold other files", File.ReadAllText(blocker, Encoding.UTF8));
    }

    [Fact]
    public void Model_whose_only_weights_are_float4_exits_with_unsupported_data_type_naming_the_tensor()
    {
        // float4e2m1 (IR 11) is not decoded (float8 is).
        var weight = new Superposition.Onnx.Proto.TensorProto { Name = "w_fp8", DataType = 23, Dims = { 4, 8 }, RawData = Google.Protobuf.ByteString.CopyFrom(new byte[16]) };
        string path = new ModelBuilder().Initializer(weight).Node("MatMul", "mm", ["x", "w_fp8"], ["y"]).Save(RepoPaths.NewTempFolder(), "fp8.onnx");
        var result = CliRunner.Run("analyze", path);
        Assert.Equal(ExitCodes.Of(ErrorKind.UnsupportedDataType), result.ExitCode);
        Assert.Contains("fp8.onnx", result.Error);
        Assert.Contains("'w_fp8'", result.Error);
        Assert.Contains("float4e2m1", result.Error);
        AssertOneCleanLine(result);
    }

    [Fact]
    public void Model_with_no_weight_matrix_is_an_invalid_model_with_the_reasons()
    {
        string path = new ModelBuilder().Initializer(ModelBuilder.Float32("bias", [4], [1, 2, 3, 4])).Node("Add", "add", ["x", "bias"], ["y"]).Save(RepoPaths.NewTempFolder(), "bias.onnx");
        var result = CliRunner.Run("audit", path, "--no-baselines", "-o", Path.Combine(Path.GetDirectoryName(path)!, "r.pdf"));
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidModel), result.ExitCode);
        Assert.Contains("1 × 1-D (bias, scale or norm)", result.Error);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "r.pdf")));
    }

    [Fact]
    public void Layer_pattern_that_matches_nothing_is_an_argument_error()
    {
        var result = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--layers", "no_such_layer*");
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("no_such_layer*", result.Error);
        Assert.Contains("error: --layers: ", result.Error); // the CLI names its flag; the library does not know it
    }

    [Fact]
    public void A_layer_over_the_memory_budget_is_listed_as_failed_the_others_are_written_and_the_exit_code_is_partial()
    {
        // hello_deepa: the 32 × 2400 Gemm needs about 26 MB by ModelAnalyzer.EstimateBytes, the 32 × 32 ones under 1 MiB.
        string json = Path.Combine(RepoPaths.NewTempFolder(), "partial.json");
        var result = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--memory-budget", "1", "--json", json);

        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.NotEqual(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("failed", result.Out);
        Assert.Contains("--memory-budget", result.Out);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var failed = doc.RootElement.GetProperty("failed");
        Assert.True(failed.GetArrayLength() >= 1);
        Assert.Equal("layerTooLarge", failed[0].GetProperty("kind").GetString());
        Assert.True(doc.RootElement.GetProperty("layers").GetArrayLength() >= 1);
        Assert.DoesNotContain(doc.RootElement.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString()!.Contains("memory budget", StringComparison.Ordinal));
    }
}
