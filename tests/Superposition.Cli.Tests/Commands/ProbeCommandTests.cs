using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

public sealed class ProbeCommandTests
{
    [Fact]
    public void Recognizer_probe_measures_the_input_of_its_output_layer_against_that_layers_frame()
    {
        string json = Path.Combine(RepoPaths.NewTempFolder(), "probe.json");
        var result = CliRunner.Run("probe", RepoPaths.Recognizer, "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var tensors = document.RootElement.GetProperty("tensors").EnumerateArray().ToList();
        Assert.True(tensors.Count >= 40, $"{tensors.Count} tensors");
        // The 120 × 6625 head (linear_85.w_0, MatMul [in = 120, out = 6625]) reads a 120-wide activation.
        var head = tensors.Single(t => t.GetProperty("readBy").EnumerateArray().Any(r => r.GetProperty("weight").GetString() == "linear_85.w_0"));
        Assert.Equal(120, head.GetProperty("features").GetInt32());
        Assert.Equal(64, head.GetProperty("samples").GetInt32());
        var overlaps = head.GetProperty("readBy")[0].GetProperty("overlaps").EnumerateArray().ToList();
        Assert.Equal([1, 4, 16], overlaps.Select(o => o.GetProperty("k").GetInt32()).Take(3));
        Assert.All(overlaps, o => Assert.InRange(o.GetProperty("overlap").GetDouble(), 0, 1));
        var eigenvalues = head.GetProperty("covarianceEigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(eigenvalues.OrderByDescending(v => v), eigenvalues);
    }

    [Fact]
    public void Vad_probe_with_given_input_shapes_measures_the_recurrent_state()
    {
        string json = Path.Combine(RepoPaths.NewTempFolder(), "vad.json");
        var result = CliRunner.Run("probe", RepoPaths.SileroVad, "--shape", "input=1x256", "--shape", "state=2x1x128", "--samples", "32", "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var state = document.RootElement.GetProperty("tensors").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "stateN");
        Assert.Equal(128, state.GetProperty("features").GetInt32());
        Assert.Equal(64, state.GetProperty("samples").GetInt32()); // 32 runs × 2 layers of state
        Assert.Contains("If/Loop", document.RootElement.GetProperty("skipped")[0].GetString());
    }

    [Fact]
    public void Malformed_shape_is_an_argument_error()
    {
        var result = CliRunner.Run("probe", RepoPaths.WakeWordHead, "--shape", "input=ax3");
        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("--shape", result.Error);
    }
}
