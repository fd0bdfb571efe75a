using Superposition.Tests.Shared;
using Superposition.Cli.Tests.Support;

namespace Superposition.Cli.Tests.Commands.Sharding;

/// <summary>
/// Shards joined by merge give the JSON of one run over the whole model. Tolerance: 1e-9 relative on floating-point
/// numbers (a shard may run a layer with another BLAS thread count, which can change rounding at the 1e-15 level);
/// strings, counts and the layer order exactly; wall times ("seconds") ignored.
/// </summary>
public sealed class ShardMergeTests
{
    public const double Tolerance = 1e-9;

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Merged_shards_equal_the_single_run(int shards)
    {
        var folder = RepoPaths.NewTempFolder();
        var single = Path.Combine(folder, "single.json");
        Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.SileroVad, "--json", single, "--per-feature").ExitCode);
        var parts = new List<string>();
        for (var k = shards; k >= 1; k--)
        {
            var part = Path.Combine(folder, $"part-{k}.json");
            var run = CliRunner.Run("analyze", RepoPaths.SileroVad, "--shard", $"{k}/{shards}", "--json", part, "--per-feature");
            Assert.True(run.ExitCode == 0, run.Error);
            parts.Add(part);
        }

        var merged = Path.Combine(folder, "merged.json");
        var result = CliRunner.Run(["merge", .. parts, "--json", merged]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(JsonTrees.Differences(single, merged, Tolerance, "seconds"));
    }

    [Fact]
    public void Merge_refuses_a_missing_shard_naming_the_shards_found()
    {
        var folder = RepoPaths.NewTempFolder();
        var part = Path.Combine(folder, "part-1.json");
        Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--shard", "1/2", "--json", part).ExitCode);
        var result = CliRunner.Run("merge", part, "--json", Path.Combine(folder, "merged.json"));

        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("1/2", result.Error);
        Assert.Contains("exactly once", result.Error);
        Assert.False(File.Exists(Path.Combine(folder, "merged.json")));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("two")]
    public void Bad_shard_is_a_one_line_error(string shard)
    {
        var folder = RepoPaths.NewTempFolder();
        var result = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--shard", shard, "--json", Path.Combine(folder, "p.json"));

        Assert.Equal(ExitCodes.Of(ErrorKind.InvalidArgument), result.ExitCode);
        Assert.Contains("--shard", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
