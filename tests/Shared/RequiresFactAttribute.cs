namespace Superposition.Tests.Shared;

/// <summary>
/// A fact that runs only when a file or folder it needs exists, and otherwise is reported as skipped with the
/// command that installs it - never silently passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPathFactAttribute : FactAttribute
{
    public RequiresPathFactAttribute(string path, string howToInstall)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) Skip = $"{path} is missing: {howToInstall}";
    }
}

/// <summary>Paths and install hints used with <see cref="RequiresPathFactAttribute"/>.</summary>
internal static class Requirements
{
    public const string OnnxTestData = "/usr/share/libonnx-testdata/data";

    public const string OnnxTestDataInstall = "install it with 'apt-get install libonnx-testdata' (.ci/run does this)";
}

/// <summary>A fact that needs Chromium; reported as skipped, with the command that installs it, when it is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (!File.Exists(HeadlessChromium.Executable)) Skip = $"{HeadlessChromium.Executable} is missing: install it with 'scripts/install-deps.sh --for-tests' (Debian package chromium)";
    }
}
