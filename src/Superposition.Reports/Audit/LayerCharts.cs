using Superposition.Reports.Charts;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>The charts of a layer's detail section, each drawn from the layer's own measurements.</summary>
internal static class LayerCharts
{
    /// <summary>Feature dimensionalities that trained toy models settle at (MATH.md section 7).</summary>
    public static readonly (double Value, string Label)[] ToyFractions = [(1, "1"), (0.75, "3/4"), (2.0 / 3, "2/3"), (0.5, "1/2"), (0.4, "2/5"), (0.375, "3/8")];

    /// <summary>Eigenvalues of F against their rank, log scale, with the level every eigenvalue of a tight frame would have.</summary>
    public static Chart Spectrum(LayerAnalysis layer)
    {
        var s = layer.Analysis.Spectrum;
        var rank = Enumerable.Range(1, s.Eigenvalues.Count).Select(i => (double)i).ToList();
        return new Chart("Spectrum of F = W Wᵀ", new Axis("rank k"), new Axis("eigenvalue λ_k", AxisScale.Log10),
        [
            new ScatterSeries("λ_k", rank, s.Eigenvalues) { MarkerRadius = 1.4 },
            new ReferenceLine($"tight frame: tr F / m = {AuditReportBuilder.F(s.Trace / layer.Hidden)}", ReferenceOrientation.Horizontal, s.Trace / layer.Hidden),
        ]);
    }

    /// <summary>Histogram of the weight spectrum on log axes with the power-law tail fit and the Marchenko–Pastur edge.</summary>
    public static Chart SpectralDensity(LayerAnalysis layer)
    {
        var h = layer.Analysis.HeavyTail;
        var values = layer.Analysis.Spectrum.Eigenvalues.Where(v => v > h.EigenvalueFloor).ToList();
        var series = new List<ChartSeries>();
        if (values.Count > 0)
        {
            double lo = values.Min(), hi = values.Max() * 1.0001;
            int bins = Math.Clamp(values.Count / 3, 5, 40);
            var edges = Enumerable.Range(0, bins + 1).Select(i => lo * Math.Pow(hi / lo, i / (double)bins)).ToArray();
            if (hi <= lo) edges = [lo * 0.9, lo * 1.1];
            var density = new double[edges.Length - 1];
            foreach (double v in values)
            {
                int b = Array.BinarySearch(edges, v);
                b = b >= 0 ? Math.Min(b, density.Length - 1) : Math.Clamp(~b - 1, 0, density.Length - 1);
                density[b] += 1;
            }

            for (int b = 0; b < density.Length; b++) density[b] /= edges[b + 1] - edges[b];
            series.Add(new HistogramSeries("eigenvalue density", edges, density));
            if (h.PowerLaw is { Succeeded: true, Alpha: double alpha, XMin: double xMin, TailSize: int tail })
            {
                // Tail density of a Pareto law with n points above x_min: n (α−1)/x_min (λ/x_min)^(−α).
                var xs = Enumerable.Range(0, 30).Select(i => xMin * Math.Pow(hi / xMin, i / 29.0)).ToList();
                var ys = xs.Select(x => tail * (alpha - 1) / xMin * Math.Pow(x / xMin, -alpha)).ToList();
                series.Add(new LineSeries($"power law α = {AuditReportBuilder.F(alpha)}", xs, ys) { Width = 1.6 });
                series.Add(new ReferenceLine("x_min", ReferenceOrientation.Vertical, xMin));
            }

            double edge = h.MarchenkoPastur.LambdaPlus * h.N;
            series.Add(new ReferenceLine("MP edge λ+", ReferenceOrientation.Vertical, edge));
        }

        return new Chart("Spectral density (raw eigenvalues)", new Axis("eigenvalue λ", AxisScale.Log10), new Axis("density", AxisScale.Log10), series);
    }

    /// <summary>Edges of the D_i histogram: 10^−4 to 10^0.2 in 42 bins (the toy fractions fall inside).</summary>
    public static IReadOnlyList<double> DimensionalityEdges { get; } = Enumerable.Range(0, 43).Select(i => Math.Pow(10, -4.0 + (i * 0.1))).ToArray();

    /// <summary>Distribution of D_i on a log axis with the toy fractions marked.</summary>
    public static Chart Dimensionality(LayerAnalysis layer)
    {
        var d = layer.Analysis.PerFeature?.Dimensionality ?? [];
        var series = new List<ChartSeries> { new HistogramSeries("this layer", DimensionalityEdges, LogShares(d, DimensionalityEdges)) };
        series.AddRange(ToyFractions.Select(f => (ChartSeries)new ReferenceLine(f.Label, ReferenceOrientation.Vertical, f.Value) { Dashed = true }));
        return new Chart("Feature dimensionality D_i", new Axis("D_i", AxisScale.Log10), new Axis("share of features"), series);
    }

    /// <summary>Share of values per bin of log-spaced <paramref name="edges"/>; values outside go to the end bins.</summary>
    public static double[] LogShares(IReadOnlyList<double> values, IReadOnlyList<double> edges)
    {
        var shares = new double[edges.Count - 1];
        double lo = Math.Log10(edges[0]), width = Math.Log10(edges[1]) - lo;
        foreach (double v in values)
        {
            int b = (int)Math.Floor((Math.Log10(Math.Max(v, 1e-300)) - lo) / width);
            shares[Math.Clamp(b, 0, shares.Length - 1)] += 1.0 / values.Count;
        }

        return shares;
    }

    /// <summary>Distribution of the localization q_i (largest spectral mass), on eigenspaces and on the log bins.</summary>
    public static Chart Localization(LayerAnalysis layer)
    {
        var p = layer.Analysis.PerFeature;
        var edges = Enumerable.Range(0, 21).Select(i => i / 20.0).ToList();
        return new Chart("Localization q_i = max μ_i", new Axis("q_i", Min: 0, Max: 1), new Axis("share of features"),
        [
            new HistogramSeries("on eigenspaces", edges, Shares(p?.Q ?? [], edges)),
            new HistogramSeries("on log bins", edges, Shares(p?.QBinned ?? [], edges)) { Style = HistogramStyle.Step },
            new ReferenceLine("localized", ReferenceOrientation.Vertical, layer.Analysis.Options.LocalizedThreshold),
        ]);
    }

    /// <summary>
    /// The spectral measure as a heatmap: one row per (sampled) feature, sorted by dominant eigenspace, one column per
    /// log-spaced eigenvalue bin from the smallest positive eigenvalue (left) to λ_max (right).
    /// </summary>
    public static Chart? MeasureMap(LayerAnalysis layer)
    {
        var map = layer.Analysis.MeasureMap;
        if (map is null || map.Rows.Count == 0) return null;
        string rows = map.Sampled ? $"{map.Rows.Count} evenly sampled features" : "features";
        return new Chart("Spectral measure μ_i over eigenvalue bins", new Axis("eigenvalue bin (log-spaced, λ ascending)"), new Axis($"{rows}, by dominant eigenspace", Reversed: true),
        [
            new HeatmapSeries("μ_i(bin)", map.Rows) { ValueMin = 0, ValueMax = 1 },
        ])
        { Legend = LegendPosition.None };
    }

    /// <summary>|cos| histogram of feature pairs with the Welch bound and the random-direction reference.</summary>
    public static Chart Coherence(LayerAnalysis layer)
    {
        var c = layer.Analysis.Coherence;
        var series = new List<ChartSeries>
        {
            new HistogramSeries(c.Exact ? "all pairs" : $"pairs of {c.SampledFeatures} sampled features", c.HistogramEdges, c.HistogramCounts.Select(x => (double)x).ToList()),
            new ReferenceLine("Welch bound", ReferenceOrientation.Vertical, c.WelchBound),
            new ReferenceLine("√(1/m): random", ReferenceOrientation.Vertical, Math.Sqrt(c.RandomMeanSquared)),
        };
        return new Chart("Coherence |cos(w_i, w_j)|", new Axis("|cos|", Min: 0, Max: 1), new Axis("pairs", AxisScale.Log10), series);
    }

    private static List<double> Shares(IReadOnlyList<double> values, IReadOnlyList<double> edges)
    {
        var shares = new double[edges.Count - 1];
        foreach (double v in values)
        {
            int b = Math.Clamp((int)Math.Floor((v - edges[0]) / (edges[1] - edges[0])), 0, shares.Length - 1);
            shares[b] += 1.0 / values.Count;
        }

        return [.. shares];
    }
}
