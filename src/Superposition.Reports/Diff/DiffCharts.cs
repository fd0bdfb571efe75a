using Superposition.Reports.Charts;

namespace Superposition.Reports.Diff;

/// <summary>The charts of a changed layer's section in the diff report.</summary>
internal static class DiffCharts
{
    public static Chart Spectra(LayerDiff l)
    {
        var a = l.A.Analysis.Spectrum.Eigenvalues;
        var b = l.B.Analysis.Spectrum.Eigenvalues;
        return new Chart("Spectra of F = W Wᵀ", new Axis("rank k"), new Axis("eigenvalue λ_k", AxisScale.Log10),
        [
            new ScatterSeries("A", Ranks(a.Count), a) { MarkerRadius = 1.6 },
            new ScatterSeries("B", Ranks(b.Count), b) { MarkerRadius = 1.6, Filled = false },
        ]);
    }

    /// <summary>Every principal angle against its index, one series per k.</summary>
    public static Chart Angles(LayerDiff l) =>
        new("Principal angles between top-k eigenspaces", new Axis("angle index i"), new Axis("θ_i (degrees)", Min: 0),
            l.Angles.Select(a => (ChartSeries)new LineSeries($"k = {a.K}", Ranks(a.Degrees.Count), a.Degrees)).ToList());

    public static Chart Drift(LayerDiff l)
    {
        var histogram = DriftHistogram.Of(l.Drift!.Changes);
        return new Chart("Per-feature drift of D_i", new Axis("D_i(B) − D_i(A)"), new Axis("features"), [new HistogramSeries("features", histogram.Edges, histogram.Counts.Select(c => (double)c).ToList())]) { Legend = LegendPosition.None };
    }

    /// <summary>The histogram of the features' W₁ distances (from 0).</summary>
    public static Chart MeasureDrift(LayerDiff l)
    {
        var histogram = DriftHistogram.Of(l.SpectralMeasureDrift!.Distances, 0);
        return new Chart("Per-feature drift of the spectral measure", new Axis("W₁(μ_i^A, μ_i^B) on ln λ (nats)"), new Axis("features"), [new HistogramSeries("features", histogram.Edges, histogram.Counts.Select(c => (double)c).ToList())]) { Legend = LegendPosition.None };
    }

    private static double[] Ranks(int count) => Enumerable.Range(1, count).Select(i => (double)i).ToArray();
}
