using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Superposition.Cli.Tests.Support;
using Superposition.Tests.Shared;

namespace Superposition.Cli.Tests.Commands;

public sealed class AuditCommandTests
{
    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [RequiresPopplerFact]
    public void Report_text_names_every_layer_with_the_numbers_of_the_json()
    {
        string folder = RepoPaths.NewTempFolder();
        string pdf = Path.Combine(folder, "report.pdf"), json = Path.Combine(folder, "report.json"), html = Path.Combine(folder, "report.html");
        var result = CliRunner.Run("audit", RepoPaths.WakeWordHead, "-o", pdf, "--json", json, "--html", html, "--no-baselines");
        Assert.True(result.ExitCode == 0, result.Error);

        string text = Run("pdftotext", $"-layout \"{pdf}\" -");
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var layer in document.RootElement.GetProperty("analysis").GetProperty("layers").EnumerateArray())
        {
            Assert.Contains(layer.GetProperty("name").GetString()!, text);
            // The detail section prints ΣD = … (ΣD/m = …) with three significant digits.
            string capacity = Reports.NumberFormat.Compact(layer.GetProperty("capacityRatio").GetDouble(), 3);
            Assert.Contains($"ΣD/m = {capacity}", text);
        }

        Assert.Contains("sha256", text);
        Assert.Contains(document.RootElement.GetProperty("analysis").GetProperty("model").GetProperty("sha256").GetString()!, text);

        // Every page renders.
        string pages = Run("pdfinfo", $"\"{pdf}\"").Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim();
        Run("pdftoppm", $"-png -r 20 \"{pdf}\" \"{Path.Combine(folder, "page")}\"");
        Assert.Equal(int.Parse(pages, CultureInfo.InvariantCulture), Directory.GetFiles(folder, "page*.png").Length);
        Assert.Contains("<svg", File.ReadAllText(html));
    }

    [RequiresPopplerFact]
    public void Model_with_hundreds_of_layers_gives_a_summary_of_all_and_detail_for_the_most_informative()
    {
        var audit = DeepModelAudit.Run();
        var result = audit.Result;
        string pdf = audit.Pdf;
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("timing: analysis", result.Error);

        string text = Run("pdftotext", $"-layout \"{pdf}\" -");
        Assert.All(Enumerable.Range(0, 300), l => Assert.Contains($"layer{l:000}.weight", text));
        Assert.Contains("The 5 most informative of the 300 analysed layers follow", text);
        int pages = int.Parse(Run("pdfinfo", $"\"{pdf}\"").Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(pages, 5, 40); // summary of 300 rows plus five detail sections, not a page per layer
    }

    [Fact]
    public void Failed_audit_leaves_no_partial_report()
    {
        string folder = RepoPaths.NewTempFolder();
        string bad = Path.Combine(folder, "bad.onnx"), pdf = Path.Combine(folder, "report.pdf");
        File.WriteAllBytes(bad, File.ReadAllBytes(RepoPaths.WakeWordHead)[..1000]);
        var result = CliRunner.Run("audit", bad, "-o", pdf, "--no-baselines");
        Assert.Equal((int)ErrorKind.InvalidModel, result.ExitCode);
        Assert.Equal(["bad.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }
}
