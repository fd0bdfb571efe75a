using Superposition.Reports.Charts;
using Superposition.Reports.Content;

namespace Superposition.Reports.Tests;

/// <summary>A document with every block kind and every chart kind, on seeded synthetic data.</summary>
internal static class SampleReport
{
    public const string GreekLine = "Greek and symbols: λ μ κ α τ Σ ℓ ≤ ≥ × √ x² n⁻¹";
    public const int TableRows = 130;

    public const string LongSentence =
        "The frame operator of a layer sums the outer products of its feature vectors, and its eigenvalues tell how evenly the layer spreads its features over the hidden space.";

    public static Document Build()
    {
        var random = new Random(20261121);
        var eigen = Enumerable.Range(1, 64).Select(k => 5.0 * Math.Pow(k, -1.3)).ToArray();
        var ranks = Enumerable.Range(1, 64).Select(k => (double)k).ToArray();
        var dims = Enumerable.Range(0, 400).Select(_ => Math.Clamp(0.5 + (0.25 * Gaussian(random)), 0.01, 1)).ToArray();
        var (edges, counts) = Histogram(dims, 0, 1, 25);
        var kappa = Enumerable.Range(0, 200).Select(_ => Math.Exp(Gaussian(random))).ToArray();
        var leverage = kappa.Select(k => Math.Clamp(0.4 + (0.1 * Math.Log(k)) + (0.05 * Gaussian(random)), 0.01, 1)).ToArray();
        var cosines = Enumerable.Range(0, 24)
            .Select(i => (IReadOnlyList<double>)Enumerable.Range(0, 24).Select(j => i == j ? 1.0 : Math.Round(0.3 * Gaussian(random), 3)).ToArray())
            .ToArray();

        var rows = Enumerable.Range(0, TableRows)
            .Select(i => (IReadOnlyList<TableCell>)
            [
                "layer_" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                i % 3 == 0 ? "MatMul [in,out]" : "Gemm transB=1",
                64 + i,
                Math.Pow(10, -3 + (i % 7)),
                i == 5 ? double.NaN : 1.0 / (i + 1),
            ])
            .ToArray();

        return new Document(
            "Superposition audit: sample model",
            [new KeyValueItem("Model", "samples/toy.onnx (sha256 0123abcd)"), new KeyValueItem("Backend", "LAPACK dsyevd (OpenBLAS)"), new KeyValueItem("Tool", "superposition 0.1.0")],
            [
                new Section(
                    "Summary",
                    Paragraph.FromMarkup("This report covers **12 layers**. Feature dimensionality *Dᵢ* is computed without the Gram matrix; see `dims --help`."),
                    Paragraph.Plain(GreekLine),
                    new KeyValueList([new KeyValueItem("Layers analysed", "12"), new KeyValueItem("Capacity residual", "3.1e-14 (≤ 1e-9)")]),
                    Callout.FromMarkup(CalloutKind.Finding, "Layer `head` holds **6625 features in 120 dimensions** (n/m = 55.2)."),
                    Callout.FromMarkup(CalloutKind.Warning, "Layer `stft` looks like a fixed transform (α = 17.3): not an under-trained layer."),
                    new Callout(CalloutKind.Note, null, [new TextRun("Plain note.")]),
                    new Heading("Capacity identity", 2),
                    new Formula("m − Σ_i D_i = (m − r) + Σ_i (ℓ_i − D_i)"),
                    new Formula("μ_{max} ≥ √((n−m)/(m(n−1))),  τ = m Σλ^2 / (Σλ)^2 − 1"),
                    new Heading("A level-3 heading", 3)),
                new Section(
                    "Spectra",
                    new ChartBlock(
                        new Chart(
                            "Eigenvalues of the frame operator",
                            new Axis("rank k", AxisScale.Log10),
                            new Axis(MathText.UnicodeScripts("eigenvalue λ_k"), AxisScale.Log10),
                            [
                                new LineSeries("spectrum", ranks, eigen),
                                new ScatterSeries("eigenvalues", ranks, eigen) { MarkerRadius = 1.5 },
                                new ReferenceLine("tight-frame level", ReferenceOrientation.Horizontal, eigen.Average()),
                                new ReferenceLine("MP edge", ReferenceOrientation.Vertical, 20),
                            ]),
                        "Power-law spectrum with the tight-frame level."),
                    new ChartBlock(
                        new Chart(
                            "Feature dimensionality",
                            new Axis(MathText.UnicodeScripts("D_i")),
                            new Axis("count"),
                            [
                                new HistogramSeries("layer 3", edges, counts),
                                new ReferenceLine("D* = 0.5", ReferenceOrientation.Vertical, 0.5),
                            ]),
                        "Histogram of " + MathText.UnicodeScripts("D_i") + ".",
                        0.5),
                    new ChartBlock(
                        new Chart(
                            "κ against leverage",
                            new Axis(MathText.UnicodeScripts("κ_i"), AxisScale.Log10),
                            new Axis(MathText.UnicodeScripts("ℓ_i"), Min: 0, Max: 1),
                            [
                                new ScatterSeries("features", kappa, leverage) { Filled = false },
                                new HistogramSeries("step outline", [0.1, 1, 10], [0.2, 0.6]) { Style = HistogramStyle.Step },
                                new ReferenceLine("Welch bound", ReferenceOrientation.Horizontal, 0.25),
                            ])
                        { Legend = LegendPosition.Outside },
                        null,
                        0.55)),
                new Section(
                    "Geometry",
                    new ChartBlock(
                        new Chart(
                            "Cosines between features",
                            new Axis("feature j"),
                            new Axis("feature i", Reversed: true),
                            [new HeatmapSeries(MathText.UnicodeScripts("cos(w_i, w_j)"), cosines) { Scale = ColorScale.Diverging }]),
                        "Signed cosines.",
                        0.8),
                    new ChartBlock(
                        new Chart(
                            "Data problems",
                            new Axis("x"),
                            new Axis("y", AxisScale.Log10),
                            [new LineSeries("with gaps", [1, 2, 3, 4, 5, 6, 7], [1, 10, double.NaN, 100, -5, 0, 1000])]),
                        "A log axis with NaN, zero and negative values.",
                        0.45),
                    new ChartBlock(new Chart("Empty chart", new Axis("x"), new Axis("y"), []), null, 0.35),
                    new ChartBlock(new Chart("Single point", new Axis("x"), new Axis("y"), [new ScatterSeries("one", [3], [3])]), null, 0.35),
                    new Heading("Wide table", 2),
                    new Table(
                        Enumerable.Range(0, 9).Select(c => new TableColumn("Column header number " + c, c % 2 == 0 ? ColumnAlignment.Left : ColumnAlignment.Right)).ToArray(),
                        [
                            Enumerable.Range(0, 9).Select(c => (TableCell)(c == 0 ? "/very/long/path/to/models/ch_PP-OCRv4_rec_infer.onnx" : "value " + c)).ToArray(),
                            Enumerable.Range(0, 9).Select(c => (TableCell)(c * 1234.5)).ToArray(),
                        ]),
                    Paragraph.Plain(string.Join(" ", Enumerable.Repeat(LongSentence, 14))),
                    new PageBreak(),
                    new Table(
                        [
                            new TableColumn("Layer"),
                            new TableColumn("Op"),
                            new TableColumn("m", ColumnAlignment.Right, "0"),
                            new TableColumn("Residual", ColumnAlignment.Right, "0.0e+0"),
                            new TableColumn(MathText.UnicodeScripts("Σ D_i / m"), ColumnAlignment.Right, "0.0000"),
                        ],
                        rows,
                        "Per-layer results")),
            ]);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: two uniforms give one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static (double[] Edges, double[] Counts) Histogram(double[] values, double lo, double hi, int bins)
    {
        var edges = Enumerable.Range(0, bins + 1).Select(i => lo + ((hi - lo) * i / bins)).ToArray();
        var counts = new double[bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - lo) / (hi - lo) * bins), 0, bins - 1)]++;
        }

        return (edges, counts);
    }
}
