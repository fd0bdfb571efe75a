using System.Diagnostics;
using PdfSharp.Pdf.IO;
using Superposition.Reports.Pdf;

namespace Superposition.Reports.Tests.Pdf;

public sealed class PdfReportRendererTests
{
    private static readonly Lazy<(byte[] Bytes, string Path)> Sample = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "superposition-reports-tests");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "sample.pdf");
        new PdfReportRenderer(new PdfReportOptions(CreationDate: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .RenderToFile(SampleReport.Build(), path);
        return (File.ReadAllBytes(path), path);
    });

    [Fact]
    public void Sample_report_is_a_complete_pdf_with_several_pages()
    {
        var bytes = Sample.Value.Bytes;
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var tail = System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 16, 16);
        Assert.Contains("%%EOF", tail, StringComparison.Ordinal);
        using var stream = new MemoryStream(bytes);
        using var parsed = PdfReader.Open(stream, PdfDocumentOpenMode.Import);

        // 130 table rows alone need more than two pages after the forced page break.
        Assert.InRange(parsed.PageCount, 5, 20);
    }

    [PopplerFact("pdftotext")]
    public void Extracted_text_holds_titles_table_cells_greek_letters_and_page_numbers()
    {
        // Words wrapped across lines or spread by -layout become single spaces.
        var text = System.Text.RegularExpressions.Regex.Replace(PdfToText(Sample.Value.Path), @"\s+", " ");

        Assert.Contains("Superposition audit: sample model", text, StringComparison.Ordinal);
        Assert.Contains("Capacity identity", text, StringComparison.Ordinal);
        Assert.Contains("layer_000", text, StringComparison.Ordinal);
        Assert.Contains("layer_129", text, StringComparison.Ordinal);
        Assert.Contains("Per-layer results (continued)", text, StringComparison.Ordinal);
        Assert.Contains("1.0e-3", text, StringComparison.Ordinal); // column format "0.0e+0"
        Assert.Contains("0.3333", text, StringComparison.Ordinal); // column format "0.0000" of 1/3
        foreach (var symbol in new[] { "λ", "μ", "κ", "α", "τ", "Σ", "ℓ", "≤", "≥", "×", "√", "²", "⁻¹" })
        {
            Assert.Contains(symbol, text, StringComparison.Ordinal);
        }

        Assert.Contains("Eigenvalues of the frame operator", text, StringComparison.Ordinal);
        Assert.Contains("tight-frame level", text, StringComparison.Ordinal);
        Assert.Contains("2 value(s) ≤ 0 of 'with gaps' not shown on the log axis", text, StringComparison.Ordinal);
        Assert.Contains("1 NaN/infinite value(s) of 'with gaps' not shown", text, StringComparison.Ordinal);
        Assert.Contains("Σ Dᵢ / m", text, StringComparison.Ordinal);
        Assert.Contains("page 1 of ", text, StringComparison.Ordinal);
        Assert.Contains("Finding.", text, StringComparison.Ordinal);
    }

    [PopplerFact("pdftoppm")]
    public void Every_page_renders_with_pdftoppm()
    {
        var directory = Path.Combine(Path.GetTempPath(), "superposition-reports-tests", "pages");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var (exit, _, error) = Run("pdftoppm", $"-png -r 30 \"{Sample.Value.Path}\" \"{Path.Combine(directory, "page")}\"");

        Assert.True(exit == 0, "pdftoppm failed: " + error);
        Assert.DoesNotContain("Error", error, StringComparison.OrdinalIgnoreCase);
        using var stream = new MemoryStream(Sample.Value.Bytes);
        using var parsed = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pngs = Directory.GetFiles(directory, "page*.png");
        Assert.Equal(parsed.PageCount, pngs.Length);
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 1000, p + " is suspiciously small"));
    }

    [PopplerFact("pdffonts")]
    public void Fonts_are_embedded_as_subsets()
    {
        var (exit, output, _) = Run("pdffonts", $"\"{Sample.Value.Path}\"");
        Assert.Equal(0, exit);

        // pdffonts lists subset fonts with a "ABCDEF+" tag and "yes" in the emb and sub columns.
        var fontLines = output.Split('\n').Where(l => l.Contains("DejaVu", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(fontLines);
        Assert.All(fontLines, l => Assert.Matches(@"^[A-Z]{6}\+DejaVu\S*\s.*\syes\s+yes\s", l));
    }

    [Fact]
    public void Missing_font_directory_fails_with_a_message_naming_the_package()
    {
        var ex = Assert.Throws<SuperpositionException>(() => DejaVuFontResolver.RequireFonts("/nonexistent/fonts"));
        Assert.Equal(ErrorKind.NativeLibraryMissing, ex.Kind);
        Assert.Contains("fonts-dejavu-core", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/fonts/DejaVuSans.ttf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_document_gives_one_page()
    {
        using var output = new MemoryStream();
        new PdfReportRenderer().Render(new Superposition.Reports.Content.Document("Empty"), output);
        output.Position = 0;
        using var parsed = PdfReader.Open(output, PdfDocumentOpenMode.Import);
        Assert.Equal(1, parsed.PageCount);
    }

    [Fact]
    public void Characters_missing_from_the_font_and_control_characters_do_not_fail()
    {
        // CJK and U+1D706 (mathematical italic lambda, a surrogate pair) are not in DejaVu Sans.
        var text = "模型 \U0001D706\ttab\u0007bell";
        var doc = new Superposition.Reports.Content.Document(
            text,
            new Superposition.Reports.Content.Section(
                text,
                Superposition.Reports.Content.Paragraph.Plain(text),
                new Superposition.Reports.Content.Table([new Superposition.Reports.Content.TableColumn(text)], [[text]]),
                new Superposition.Reports.Content.ChartBlock(new Superposition.Reports.Charts.Chart(text, new(text), new(text), []))));
        using var output = new MemoryStream();
        new PdfReportRenderer().Render(doc, output);
        output.Position = 0;
        using var parsed = PdfReader.Open(output, PdfDocumentOpenMode.Import);
        Assert.Equal(1, parsed.PageCount);
    }

    internal static string PdfToText(string path)
    {
        var (exit, output, error) = Run("pdftotext", $"-layout \"{path}\" -");
        Assert.True(exit == 0, "pdftotext failed: " + error);
        return output;
    }

    private static (int? Exit, string Output, string Error) Run(string tool, string arguments)
    {
        var path = Poppler.Find(tool);
        if (path is null)
        {
            return (null, string.Empty, string.Empty);
        }

        using var process = Process.Start(new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        })!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errorTask.Result);
    }
}
