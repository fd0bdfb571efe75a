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
        var changes = l.Drift!.Changes;
        double lo = changes.Min(), hi = changes.Max();
        if (!(hi > lo)) (lo, hi) = (lo - 0.5, hi + 0.5);
        const int bins = 30;
        var edges = Enumerable.Range(0, bins + 1).Select(i => lo + ((hi - lo) * i / bins)).ToList();
        var counts = new double[bins];
        foreach (double c in changes) counts[Math.Clamp((int)((c - lo) / (hi - lo) * bins), 0, bins - 1)]++;
        return new Chart("Per-feature drift of D_i", new Axis("D_i(B) − D_i(A)"), new Axis("features"), [new HistogramSeries("features", edges, counts)]) { Legend = LegendPosition.None };
    }

    private static double[] Ranks(int count) => Enumerable.Range(1, count).Select(i => (double)i).ToArray();
}
