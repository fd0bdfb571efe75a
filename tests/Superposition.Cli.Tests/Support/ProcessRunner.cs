using Superposition.Tests.Shared;
using System.Diagnostics;

namespace Superposition.Cli.Tests.Support;

/// <summary>Runs an external program (bash scripts, python3, the built CLI) with a timeout and captured output.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>The CLI as a separate process, as job scripts call it: "dotnet …/superposition.dll".</summary>
    public static string ToolCommand => "dotnet " + Path.Combine(AppContext.BaseDirectory, "superposition.dll");

    public static Result Run(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeoutSeconds} s");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Writes the generated layer set of benchmarks/reference/make_layer_set.py (Debian's python3 with onnx and numpy).</summary>
    public static string LayerSet(string preset, string folder)
    {
        var result = Run("/usr/bin/python3", [Path.Combine(RepoPaths.Root, "benchmarks", "reference", "make_layer_set.py"), preset, folder]);
        Assert.True(result.ExitCode == 0, "make_layer_set.py failed (scripts/install-deps.sh --for-tests installs python3-onnx and python3-numpy): " + result.Error);
        return Path.Combine(folder, "model.onnx");
    }
}
