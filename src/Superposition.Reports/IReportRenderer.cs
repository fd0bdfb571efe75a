using Superposition.Reports.Content;

namespace Superposition.Reports;

/// <summary>Turns a <see cref="Document"/> into one output format.</summary>
public interface IReportRenderer
{
    /// <summary>Writes the whole document to <paramref name="output"/> (left open).</summary>
    void Render(Document doc, Stream output);
}

/// <summary>Conveniences over <see cref="IReportRenderer"/>.</summary>
public static class ReportRendererExtensions
{
    /// <summary>Renders to a file through <see cref="AtomicFile"/>: the file appears complete or not at all.</summary>
    public static void RenderToFile(this IReportRenderer renderer, Document doc, string path)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        AtomicFile.Write(path, stream => renderer.Render(doc, stream));
    }
}
