using System.Diagnostics;

namespace Superposition.Spectral.Tests.TestSupport;

/// <summary>A fact that needs Debian's python3 with numpy; reported as skipped with the install command otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPythonNumpyFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists("/usr/bin/python3")) return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import numpy\"") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public RequiresPythonNumpyFactAttribute()
    {
        if (!Available.Value) Skip = "python3 with numpy is missing: apt-get install python3-numpy (scripts/install-deps.sh --for-tests does this)";
    }
}
