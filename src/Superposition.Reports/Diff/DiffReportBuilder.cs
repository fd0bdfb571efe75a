using System.Globalization;
using Superposition.Reports.Audit;
using Superposition.Reports.Content;

namespace Superposition.Reports.Diff;

/// <summary>The diff report: what changed most (summary table), then per changed layer the two spectra, the principal angles and the D_i drift.</summary>
public static class DiffReportBuilder
{
    /// <summary>Below this magnitude (relative Frobenius change, or sine of the top angle) a layer counts as unchanged.</summary>
    public const double Unchanged = 1e-12;

    public static Document Build(ModelDiff diff, RunInfo run, int detailLayers = 12)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(run);
        var ranked = diff.Layers.OrderByDescending(l => l.Magnitude).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var changed = ranked.Where(l => l.Magnitude > Unchanged).Take(Math.Max(0, detailLayers)).ToList();
        var anchors = new Dictionary<LayerDiff, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < changed.Count; i++) anchors[changed[i]] = "change-" + i.ToString(CultureInfo.InvariantCulture);
        var sections = new List<Section> { Summary(diff, ranked, anchors) };
        sections.AddRange(changed.Select(l => LayerSection(l) with { Anchor = anchors[l] }));
        string title = $"Superposition diff: {Path.GetFileName(diff.A.Model.File)} → {Path.GetFileName(diff.B.Model.File)}";
        return new Document(title,
        [
            new("model A", diff.A.Model.File), new("sha256 A", diff.A.Model.Sha256),
            new("model B", diff.B.Model.File), new("sha256 B", diff.B.Model.Sha256),
            new("tool", "superposition " + run.ToolVersion), new("linear algebra", diff.A.Backend),
            new("date", run.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)), new("command", run.CommandLine),
        ], sections);
    }

    private static Section Summary(ModelDiff diff, List<LayerDiff> ranked, Dictionary<LayerDiff, string> anchors)
    {
        var columns = new List<TableColumn>
        {
            new("layer", RelativeWidth: 2.2) { Filter = ColumnFilter.Text },
            new("n × m", ColumnAlignment.Right, RelativeWidth: 1.4),
            new("‖ΔW‖/‖W‖", ColumnAlignment.Right, RelativeWidth: 1.3),
            new("srank ΔW", ColumnAlignment.Right, RelativeWidth: 1.1),
            new("θ_max k=1", ColumnAlignment.Right, RelativeWidth: 1.1),
            new("θ_max k=rank", ColumnAlignment.Right, RelativeWidth: 1.3),
            new("ΔΣD/m", ColumnAlignment.Right, RelativeWidth: 1.1),
            new("Δτ", ColumnAlignment.Right, RelativeWidth: 1.1),
            new("Δα", ColumnAlignment.Right, RelativeWidth: 1.1),
            new("mean |ΔD_i|", ColumnAlignment.Right, RelativeWidth: 1.3),
            new("W₁(μ)", ColumnAlignment.Right, RelativeWidth: 1.2),
            new("geometry", RelativeWidth: 1.9) { Filter = ColumnFilter.Text },
        };
        var rows = ranked.Select(l => (IReadOnlyList<TableCell>)
        [
            anchors.TryGetValue(l, out var anchor) ? TableCell.Of(Label(l)) with { Link = anchor } : Label(l),
            $"{l.A.Features} × {l.A.Hidden}",
            Num(l.RelativeFrobeniusChange),
            Num(l.DifferenceStableRank),
            Num(l.Angles.FirstOrDefault()?.Largest, "°"),
            Num(l.Angles.LastOrDefault()?.Largest, "°"),
            Num(Change(l, "ΣD/m")),
            Num(Change(l, "τ")),
            Num(Change(l, "α")),
            Num(l.Drift?.MeanAbsolute),
            Num(l.SpectralMeasureDrift?.Mean),
            l.Geometry?.Verdict ?? "—",
        ]).ToList();
        var blocks = new List<Block>
        {
            Paragraph.FromMarkup($"**{diff.Layers.Count}** layer pair(s), largest change first; {diff.Layers.Count(l => l.Magnitude <= Unchanged)} unchanged (‖ΔW‖/‖W‖ ≤ {Unchanged:0e0}). ‖ΔW‖/‖W‖: relative Frobenius change; srank ΔW: stable rank of the difference (a rank-r update gives at most r); θ_max: the largest principal angle between the top-k eigenspaces of the two frame operators, in degrees; Δ: B − A; W₁(μ): the 1-Wasserstein distance between a feature's spectral measures in A and B on the ln λ axis (nats), averaged over features; geometry: whether the localized clusters and their polytopes are the same in B (survived), partly (changed), or gone (lost: no cluster of B shares at least {GeometrySurvival.MatchOverlap:0.##} of a cluster's members, Jaccard)."),
            new Table(columns, rows, "Every paired layer. A layer paired otherwise than by its name shows both names."),
        };
        var quantized = diff.Layers.Where(l => l.Quantized).ToList();
        if (quantized.Count > 0) blocks.AddRange(DiffQuantizationView.Blocks(quantized));

        if (diff.TooLarge.Count > 0)
        {
            blocks.Add(new Heading("Not compared"));
            blocks.Add(Paragraph.Plain($"{diff.TooLarge.Count} pair(s) over the memory budget: " + string.Join("; ", diff.TooLarge.Take(12).Select(t => t.Reason)) + (diff.TooLarge.Count > 12 ? "; …" : "") + "."));
        }

        if (diff.UnpairedA.Count + diff.UnpairedB.Count > 0)
        {
            blocks.Add(new Heading("Unpaired layers"));
            blocks.Add(Paragraph.Plain($"Only in A ({diff.UnpairedA.Count}): {List(diff.UnpairedA)}. Only in B ({diff.UnpairedB.Count}): {List(diff.UnpairedB)}."));
        }

        return new Section("Summary", blocks);
    }

    private static Section LayerSection(LayerDiff l)
    {
        var items = new List<KeyValueItem>
        {
            new("pair", l.PairedBy == "name" ? $"{l.Name} (same name)" : $"{l.Name} ↔ {l.NameB} (paired by {l.PairedBy})"),
            new("weights", $"‖ΔW‖/‖W‖ = {F(l.RelativeFrobeniusChange)}; stable rank of ΔW {F(l.DifferenceStableRank)}"),
        };
        var noise = l.NoiseReference?.Measures.ToDictionary(m => m.Name, StringComparer.Ordinal);
        items.AddRange(l.Measures.Select(m => new KeyValueItem(m.Name, $"{F(m.A)} → {F(m.B)} (Δ {F(m.Change)})"
            + (noise is not null && noise.TryGetValue(m.Name, out var z) ? $"; Gaussian noise of the same size: Δ {F(z.NoiseChange)}" : ""))));
        items.Add(new("principal angles", string.Join("; ", l.Angles.Select(a => $"k = {a.K}: max {F(a.Largest)}°"))));
        if (l.Drift is { } d)
        {
            items.Add(new("D_i drift", $"mean |ΔD_i| {F(d.MeanAbsolute)}, max {F(d.MaxAbsolute)}; most moved: " + string.Join(", ", d.MostMoved.Take(5).Select(x => $"#{x.Feature} {F(x.A)} → {F(x.B)}"))));
        }

        if (l.SpectralMeasureDrift is { } s)
        {
            items.Add(new("spectral-measure drift", $"W₁ on ln λ: mean {F(s.Mean)}, max {F(s.Max)} nats over {s.Distances.Count} features{(s.Excluded > 0 ? $" ({s.Excluded} dead in A or B left out)" : "")}; most moved: "
                + string.Join(", ", s.MostMoved.Take(5).Select(x => $"#{x.Feature} {F(x.Distance)} (centre λ {F(x.CentreA)} → {F(x.CentreB)})"))));
        }

        if (l.Geometry is { } g) items.Add(new("geometry", DiffQuantizationView.GeometryText(g)));
        if (l.NoiseReference is { } r && r.NoiseGeometry is { } ng) items.Add(new("geometry under noise", $"{ng.Verdict} (Gaussian, seed {r.Seed}, ‖N‖/‖W‖ = {F(r.RelativeSize)})"));

        var blocks = new List<Block> { new KeyValueList(items) };
        if (l.Quantized) blocks.Add(Callout.FromMarkup(CalloutKind.Note, $"B's weights are quantized ({l.B.Decoding}); these changes are the quantization's."));
        blocks.Add(new ChartBlock(DiffCharts.Spectra(l), "Eigenvalues of the two frame operators, descending.", 0.45));
        if (l.Angles.Count > 0) blocks.Add(new ChartBlock(DiffCharts.Angles(l), "Principal angles between the top-k eigenspaces of A and B (the axis ends at the largest): 0° where they coincide, 90° where a direction of one is orthogonal to the other.", 0.45));
        if (l.Drift is not null) blocks.Add(new ChartBlock(DiffCharts.Drift(l), "Change of each feature's dimensionality D_i from A to B.", 0.45));
        if (l.SpectralMeasureDrift is not null) blocks.Add(new ChartBlock(DiffCharts.MeasureDrift(l), "How far each feature's spectral measure moved from A to B: the 1-Wasserstein distance on the ln λ axis (ln 2 ≈ 0.69 is the whole measure moving by a factor 2 in eigenvalue).", 0.45));
        return new Section($"{l.Name} ({l.A.Features} × {l.A.Hidden})", blocks);
    }

    private static string Label(LayerDiff l) => l.PairedBy == "name" ? l.Name : $"{l.Name} ↔ {l.NameB}";

    private static double? Change(LayerDiff l, string measure) => l.Measures.FirstOrDefault(m => m.Name == measure)?.Change;

    internal static TableCell Num(double? value, string unit = "") => TableCell.Of(value is double v ? F(v) + unit : "—") with { SortKey = value };

    internal static string F(double? value) => AuditReportBuilder.F(value);

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Take(12)) + (names.Count > 12 ? ", …" : "");
}
