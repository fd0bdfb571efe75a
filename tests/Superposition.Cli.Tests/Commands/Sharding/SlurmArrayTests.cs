using Superposition.Tests.Shared;
using System.Net;
using System.Net.Sockets;
using Superposition.Cli.Tests.Support;

namespace Superposition.Cli.Tests.Commands.Sharding;

/// <summary>
/// deploy/slurm on a real engine: the test starts a single-node Slurm (munged, slurmctld, slurmd on localhost, by
/// scripts/slurm-local.sh), submits an array of three shards and the dependent merge job with deploy/slurm/submit.sh,
/// and compares the merged JSON with one run (tolerance as <see cref="ShardMergeTests.Tolerance"/>). A second test runs
/// the same sbatch scripts' command lines directly, as the array tasks would.
/// </summary>
public sealed class SlurmArrayTests
{
    [Fact]
    public void Slurm_job_array_and_dependent_merge_equal_the_single_run()
    {
        var folder = RepoPaths.NewTempFolder();
        var cluster = Path.Combine(folder, "slurm");
        var env = new Dictionary<string, string>
        {
            ["SLURM_TEST_CTLD_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SLURM_TEST_SLURMD_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var start = ProcessRunner.Run("bash", [Script("scripts", "slurm-local.sh"), "start", cluster], env, 120);
        Assert.True(start.ExitCode == 0, "single-node Slurm did not start (scripts/install-deps.sh --for-tests installs slurm-wlm and munge): " + start.Error);
        try
        {
            env["SLURM_CONF"] = Path.Combine(cluster, "slurm.conf");
            env["SUPERPOSITION"] = ProcessRunner.ToolCommand;
            env["ANALYZE_ARGS"] = "--per-feature";
            var output = Path.Combine(folder, "out");
            var submit = ProcessRunner.Run("bash", [Script("deploy", "slurm", "submit.sh"), RepoPaths.SileroVad, output, "3"], env, 60);
            Assert.True(submit.ExitCode == 0, submit.Error);
            var ids = submit.Out.Trim().Split(' ');
            Assert.Equal(2, ids.Length);
            var state = WaitForEnd(ids[1], env, TimeSpan.FromMinutes(8));
            Assert.True(state == "COMPLETED", $"merge job {ids[1]} ended {state}: " + string.Join("\n", Directory.GetFiles(output, "*.out").Select(File.ReadAllText)));
            Assert.Equal(3, Directory.GetFiles(output, "part-*.json").Length);
            Assert.True(File.Exists(Path.Combine(output, "report.pdf")));

            var single = Path.Combine(folder, "single.json");
            Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.SileroVad, "--json", single, "--per-feature").ExitCode);
            Assert.Empty(JsonTrees.Differences(single, Path.Combine(output, "analysis.json"), ShardMergeTests.Tolerance, "seconds"));
        }
        finally
        {
            ProcessRunner.Run("bash", [Script("scripts", "slurm-local.sh"), "stop", cluster], env, 60);
        }
    }

    [Fact]
    public void Sbatch_scripts_run_directly_give_the_single_run()
    {
        var folder = RepoPaths.NewTempFolder();
        var output = Path.Combine(folder, "out");
        for (var k = 1; k <= 3; k++)
        {
            var env = new Dictionary<string, string>
            {
                ["MODEL"] = RepoPaths.WakeWordHead,
                ["OUT"] = output,
                ["SUPERPOSITION"] = ProcessRunner.ToolCommand,
                ["SLURM_ARRAY_TASK_ID"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SLURM_ARRAY_TASK_COUNT"] = "3",
            };
            var shard = ProcessRunner.Run("bash", [Script("deploy", "slurm", "analyze-array.sbatch")], env);
            Assert.True(shard.ExitCode == 0, shard.Error);
        }

        var merge = ProcessRunner.Run("bash", [Script("deploy", "slurm", "merge.sbatch")], new Dictionary<string, string> { ["OUT"] = output, ["SUPERPOSITION"] = ProcessRunner.ToolCommand });
        Assert.True(merge.ExitCode == 0, merge.Error);
        var single = Path.Combine(folder, "single.json");
        Assert.Equal(0, CliRunner.Run("analyze", RepoPaths.WakeWordHead, "--json", single).ExitCode);
        Assert.Empty(JsonTrees.Differences(single, Path.Combine(output, "analysis.json"), ShardMergeTests.Tolerance, "seconds"));
    }

    private static string Script(params string[] parts) => Path.Combine([RepoPaths.Root, .. parts]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WaitForEnd(string job, Dictionary<string, string> env, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var state = "UNKNOWN";
        while (DateTime.UtcNow < until)
        {
            var show = ProcessRunner.Run("scontrol", ["show", "job", job], env, 30);
            var token = show.Out.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith("JobState=", StringComparison.Ordinal));
            state = token?["JobState=".Length..] ?? state;
            if (state is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY") return state;
            Thread.Sleep(500);
        }

        return state + " (timed out)";
    }
}
