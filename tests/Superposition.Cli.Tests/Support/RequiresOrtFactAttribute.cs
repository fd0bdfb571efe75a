using Superposition.Runtime;

namespace Superposition.Cli.Tests.Support;

/// <summary>A fact that needs ONNX Runtime's native library; skipped, naming the fix, when it does not load.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresOrtFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        try
        {
            _ = OrtSession.RuntimeInfo();
            return null;
        }
        catch (SuperpositionException e)
        {
            return "ONNX Runtime is not available (run scripts/fetch-onnxruntime.sh): " + e.Message;
        }
    });

    public RequiresOrtFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }
}

/// <summary>A fact that needs poppler's pdftotext and pdftoppm.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPopplerFactAttribute : FactAttribute
{
    public RequiresPopplerFactAttribute()
    {
        if (!File.Exists("/usr/bin/pdftotext") || !File.Exists("/usr/bin/pdftoppm")) Skip = "pdftotext/pdftoppm missing: apt-get install poppler-utils (.ci/run does this)";
    }
}
