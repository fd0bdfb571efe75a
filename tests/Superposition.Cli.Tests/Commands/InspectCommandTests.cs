using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    [Fact]
    public void Lists_every_tensor_of_the_wake_word_head_with_frames_and_reasons()
    {
        var result = CliRunner.Run("inspect", RepoPaths.WakeWordHead);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pytorch 2.8.0", result.Out);
        Assert.Contains("layer1.weight", result.Out);
        Assert.Contains("2400 × 32 write", result.Out);
        Assert.Contains("1-D (bias, scale or norm)", result.Out);
    }

    [Fact]
    public void Json_listing_has_camel_case_fields_and_the_orientation()
    {
        string json = Path.Combine(RepoPaths.NewTempFolder(), "listing.json");
        var result = CliRunner.Run("inspect", RepoPaths.WakeWordHead, "--json", json, "--orientation", "read");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var layer1 = document.RootElement.GetProperty("tensors").EnumerateArray().First(t => t.GetProperty("name").GetString() == "layer1.weight");
        // Gemm transB=1 stores [out=32, in=2400]: the read frame is 32 output units in R^2400.
        Assert.Equal(32, layer1.GetProperty("features").GetInt32());
        Assert.Equal(2400, layer1.GetProperty("hidden").GetInt32());
        Assert.Equal("read", layer1.GetProperty("orientationLabel").GetString());
        Assert.Equal(78_053, document.RootElement.GetProperty("parameters").GetInt64());
    }
}
