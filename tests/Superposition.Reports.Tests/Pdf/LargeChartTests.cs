using System.Diagnostics;
using PdfSharp.Pdf.IO;
using Superposition.Reports.Charts;
using Superposition.Reports.Html;
using Superposition.Reports.Content;
using Superposition.Reports.Pdf;
using Xunit.Abstractions;

namespace Superposition.Reports.Tests.Pdf;

/// <summary>Sizes seen on real models: a 6625-class head, a 450 × 450 cosine matrix, a 100k-point curve.</summary>
public sealed class LargeChartTests(ITestOutputHelper output)
{
    [Fact]
    public void Large_charts_render_to_pdf_and_html()
    {
        var random = new Random(42);
        var n = 6625;
        var x = Enumerable.Range(0, n).Select(_ => Math.Exp(3 * random.NextDouble())).ToArray();
        var y = x.Select(v => (v / 20) + (0.05 * random.NextDouble())).ToArray();
        var curveX = Enumerable.Range(1, 100_000).Select(i => (double)i).ToArray();
        var curveY = curveX.Select(v => 1 / v).ToArray();
        var matrix = Enumerable.Range(0, 450).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, 450).Select(c => Math.Cos(r * c * 1e-3)).ToArray()).ToArray();
        var doc = new Document(
            "Large",
            new Section(
                "Charts",
                new ChartBlock(new Chart("6625 features", new Axis("κ", AxisScale.Log10), new Axis("D"), [new ScatterSeries("head", x, y) { MarkerRadius = 0.8 }])),
                new ChartBlock(new Chart("100k points", new Axis("k", AxisScale.Log10), new Axis("λ", AxisScale.Log10), [new LineSeries("1/k", curveX, curveY)])),
                new ChartBlock(new Chart("cosines", new Axis("j"), new Axis("i", Reversed: true), [new HeatmapSeries("cos", matrix) { Scale = ColorScale.Diverging }]), null, 0.9)));

        var watch = Stopwatch.StartNew();
        using var pdf = new MemoryStream();
        new PdfReportRenderer().Render(doc, pdf);
        var pdfTime = watch.Elapsed;
        watch.Restart();
        using var html = new MemoryStream();
        new HtmlReportRenderer().Render(doc, html);
        output.WriteLine($"PDF {pdf.Length / 1024} KiB in {pdfTime.TotalMilliseconds:F0} ms; HTML {html.Length / 1024} KiB in {watch.Elapsed.TotalMilliseconds:F0} ms");

        var directory = Path.Combine(Path.GetTempPath(), "superposition-reports-tests");
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllBytes(Path.Combine(directory, "large.pdf"), pdf.ToArray());
        pdf.Position = 0;
        using var parsed = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        Assert.InRange(parsed.PageCount, 2, 3);
    }
}
