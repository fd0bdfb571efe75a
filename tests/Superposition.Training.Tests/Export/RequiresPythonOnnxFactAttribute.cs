using System.Diagnostics;

namespace Superposition.Training.Tests.Export;

/// <summary>A fact that needs Debian's python3 with the onnx and numpy packages; skipped with the install command otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPythonOnnxFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists("/usr/bin/python3")) return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import onnx, numpy\"") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public RequiresPythonOnnxFactAttribute()
    {
        if (!Available.Value) Skip = "python3 with onnx and numpy is missing: apt-get install python3-onnx python3-numpy (scripts/install-deps.sh --for-tests does this)";
    }
}
