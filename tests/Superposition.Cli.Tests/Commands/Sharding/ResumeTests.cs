using Superposition.Tests.Shared;
using System.Diagnostics;
using Superposition.Cli.Tests.Support;

namespace Superposition.Cli.Tests.Commands.Sharding;

/// <summary>
/// A run killed after some layers and resumed with --resume gives the JSON of a clean run (tolerance as
/// <see cref="ShardMergeTests.Tolerance"/>, wall times ignored), and takes the finished layers from the checkpoints.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public void Killed_run_resumed_equals_a_clean_run()
    {
        var folder = RepoPaths.NewTempFolder();
        var model = ProcessRunner.LayerSet("resume", Path.Combine(folder, "model"));
        var checkpoints = Path.Combine(folder, "checkpoints");
        var json = Path.Combine(folder, "resumed.json");

        // Interrupted run: killed as soon as three layers are checkpointed (twelve layers in all).
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "superposition.dll"), "analyze", model, "--json", json, "--checkpoints", checkpoints }) start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            var until = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < until && !process.HasExited && (!Directory.Exists(checkpoints) || Directory.GetFiles(checkpoints, "*.json").Length < 3)) Thread.Sleep(20);
            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var saved = Directory.GetFiles(checkpoints, "*.json").Length;
        Assert.False(File.Exists(json), $"the interrupted run wrote its JSON ({saved} checkpoints)");
        Assert.InRange(saved, 3, 11);

        var resumed = CliRunner.Run("analyze", model, "--json", json, "--checkpoints", checkpoints, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resumed:", resumed.Error);
        var clean = Path.Combine(folder, "clean.json");
        Assert.Equal(0, CliRunner.Run("analyze", model, "--json", clean).ExitCode);
        Assert.Empty(JsonTrees.Differences(clean, json, ShardMergeTests.Tolerance, "seconds"));
    }

    [Fact]
    public void Checkpoints_of_other_options_are_not_reused()
    {
        var folder = RepoPaths.NewTempFolder();
        var checkpoints = Path.Combine(folder, "checkpoints");
        Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--checkpoints", checkpoints).ExitCode);
        var other = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--checkpoints", checkpoints, "--resume", "--eigenspace-tolerance", "0.01");
        var same = CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--checkpoints", checkpoints, "--resume");

        // Both option sets keep their own files side by side.

        Assert.Equal(0, other.ExitCode);
        Assert.DoesNotContain("resumed:", other.Error);
        Assert.Contains("resumed:", same.Error);
    }
}
