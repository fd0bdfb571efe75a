using System.Globalization;
using System.Text;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Exports;

/// <summary>One CSV row per layer (analysed, failed or skipped), RFC 4180 quoting, invariant culture, columns named in <see cref="CsvColumns"/>.</summary>
public static class CsvExport
{
    public static string Write(ModelAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', CsvColumns.All.Select(c => c.Name)));
        foreach (var layer in analysis.Layers) text.AppendLine(string.Join(',', CsvColumns.All.Select(c => Cell(c.Analysed(layer)))));
        foreach (var failed in analysis.Failed) text.AppendLine(string.Join(',', CsvColumns.All.Select(c => Cell(c.Failed?.Invoke(failed)))));
        foreach (var skip in analysis.Skipped) text.AppendLine(string.Join(',', CsvColumns.All.Select(c => Cell(c.Skipped?.Invoke(skip)))));
        return text.ToString();
    }

    internal static string Cell(object? value)
    {
        string s = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
