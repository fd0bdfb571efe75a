namespace Superposition.Reports.Tests;

/// <summary>
/// A fact that needs a poppler-utils tool (pdftotext, pdftoppm, pdffonts); it is reported as skipped, with the
/// reason, when the tool is not installed. (xunit 2 has no dynamic skip, so the check runs at discovery.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PopplerFactAttribute : FactAttribute
{
    public PopplerFactAttribute(string tool)
    {
        if (Poppler.Find(tool) is null)
        {
            Skip = tool + " (Debian package poppler-utils) is not installed";
        }
    }
}

internal static class Poppler
{
    public static string? Find(string tool) =>
        new[] { "/usr/bin", "/usr/local/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
