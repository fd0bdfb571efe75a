using System.Diagnostics;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

/// <summary>
/// The tool as a process: killed with SIGKILL at any point of an audit it leaves no partial report, the next run
/// removes what the killed one left, and two runs writing the same outputs at once end with whole files.
/// </summary>
public sealed class CrashSafetyTests
{
    private static string Tool => Path.Combine(AppContext.BaseDirectory, "superposition.dll");

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Tool);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        // Drain the pipes so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string[] AuditArguments(string folder) =>
        ["audit", RepoPaths.WakeWordHead, "-o", Path.Combine(folder, "report.pdf"), "--json", Path.Combine(folder, "report.json"), "--html", Path.Combine(folder, "report.html"), "--no-baselines"];

    private static void AssertWholeOrAbsent(string folder)
    {
        foreach (string name in new[] { "report.pdf", "report.json", "report.html" })
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path)) continue;
            string text = File.ReadAllText(path);
            switch (Path.GetExtension(name))
            {
                case ".pdf": Assert.EndsWith("%%EOF", text.TrimEnd()); break;
                case ".json": System.Text.Json.JsonDocument.Parse(text).Dispose(); break;
                default: Assert.EndsWith("</html>", text.TrimEnd()); break;
            }
        }
    }

    [Fact]
    public void Audit_killed_at_any_point_leaves_no_partial_file_and_the_next_run_cleans_up()
    {
        string folder = RepoPaths.NewTempFolder();
        // Kill points: as soon as each output's temporary file appears (mid-write), and at fixed delays.
        var kills = new List<string>();
        foreach (string watched in new[] { ".report.json.", ".report.pdf.", ".report.html." })
        {
            using var process = Start(AuditArguments(folder));
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)
                && !Directory.EnumerateFiles(folder, "*.tmp").Any(f => Path.GetFileName(f).StartsWith(watched, StringComparison.Ordinal)))
            {
                Thread.Sleep(1);
            }

            if (!process.HasExited)
            {
                process.Kill();
                kills.Add(watched + "tmp");
            }

            process.WaitForExit();
            AssertWholeOrAbsent(folder);
        }

        foreach (int milliseconds in new[] { 150, 400, 800, 1500 })
        {
            using var process = Start(AuditArguments(folder));
            if (!process.WaitForExit(milliseconds))
            {
                process.Kill();
                kills.Add(milliseconds + " ms");
            }

            process.WaitForExit();
            AssertWholeOrAbsent(folder);
        }

        Assert.True(kills.Count >= 3, "too few runs were killed mid-way: " + string.Join(", ", kills));
        using (var clean = Start(AuditArguments(folder)))
        {
            clean.WaitForExit();
            Assert.Equal(0, clean.ExitCode);
        }

        AssertWholeOrAbsent(folder);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
        Assert.True(File.Exists(Path.Combine(folder, "report.pdf")));
    }

    [Fact]
    public void Two_runs_writing_the_same_outputs_at_once_end_with_whole_files()
    {
        string folder = RepoPaths.NewTempFolder();
        for (int round = 0; round < 2; round++)
        {
            using var first = Start(AuditArguments(folder));
            using var second = Start(AuditArguments(folder));
            first.WaitForExit();
            second.WaitForExit();
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            AssertWholeOrAbsent(folder);
            Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
        }

        Assert.True(File.Exists(Path.Combine(folder, "report.json")));
    }
}
