namespace Superposition.Cli.Tests.Support;

/// <summary>A fact that needs poppler's pdftotext and pdftoppm.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPopplerFactAttribute : FactAttribute
{
    public RequiresPopplerFactAttribute()
    {
        if (!File.Exists("/usr/bin/pdftotext") || !File.Exists("/usr/bin/pdftoppm")) Skip = "pdftotext/pdftoppm missing: apt-get install poppler-utils (.ci/run does this)";
    }
}
