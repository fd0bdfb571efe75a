using Superposition.Reports.Content;

namespace Superposition.Reports.Diff;

/// <summary>The diff report's quantization section: per quantized layer, the measures' changes against noise of the same size and the geometry verdict.</summary>
internal static class DiffQuantizationView
{
    /// <summary>The measures whose ratio to the noise reference the table shows.</summary>
    private static readonly string[] Shown = ["ΣD/m", "localized share", "τ", "μ_max", "α", "λ_max"];

    public static IEnumerable<Block> Blocks(IReadOnlyList<LayerDiff> quantized)
    {
        yield return new Heading("Quantization");
        var decodings = quantized.Select(l => l.B.Decoding!).Distinct(StringComparer.Ordinal).ToList();
        yield return Paragraph.FromMarkup($"{quantized.Count} layer(s) of B are stored quantized; the loader decoded them ({decodings[0]}{(decodings.Count > 1 ? $"; and {decodings.Count - 1} other decoding(s)" : "")}). "
            + "Each measure's change is read against the change a seeded Gaussian perturbation N of the same Frobenius size (‖N‖ = ‖ΔW‖) causes on A: "
            + "the columns give |Δ_quantization| / |Δ_noise| (1: as much as noise of that size; ≫ 1: the quantization's error is structured; — where the noise moved nothing or a value is undefined). "
            + $"Geometry: the verdict for the quantization, then for the noise. Verdicts: {Verdicts(quantized)}.");
        // A measure that neither the quantization nor the noise moved in any layer has no ratio anywhere: its column is left out (said below the table).
        var shown = Shown.Where(name => quantized.Any(l => l.NoiseReference?.Measures.FirstOrDefault(m => m.Name == name)?.RatioToNoise is not null)).ToList();
        var columns = new List<TableColumn>
        {
            new("layer", RelativeWidth: 2.4) { Filter = ColumnFilter.Text },
            new("‖ΔW‖/‖W‖", ColumnAlignment.Right, RelativeWidth: 1.2),
        };
        columns.AddRange(shown.Select(name => new TableColumn(name, ColumnAlignment.Right, RelativeWidth: 1.1)));
        columns.Add(new TableColumn("geometry", RelativeWidth: 1.2) { Filter = ColumnFilter.Text });
        columns.Add(new TableColumn("under noise", RelativeWidth: 1.2));
        var rows = quantized.OrderByDescending(l => l.Magnitude).ThenBy(l => l.Name, StringComparer.Ordinal).Select(l =>
        {
            var ratios = l.NoiseReference?.Measures.ToDictionary(m => m.Name, m => m.RatioToNoise, StringComparer.Ordinal);
            var cells = new List<TableCell> { l.Name, DiffReportBuilder.Num(l.RelativeFrobeniusChange) };
            cells.AddRange(shown.Select(name => DiffReportBuilder.Num(ratios?.GetValueOrDefault(name))));
            cells.Add(l.Geometry?.Verdict ?? "—");
            cells.Add(l.NoiseReference?.NoiseGeometry?.Verdict ?? "—");
            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        var omitted = Shown.Except(shown).ToList();
        yield return new Table(columns, rows, "Quantized layers, largest change first: each measure's change over the change of Gaussian noise of the same size."
            + (omitted.Count > 0 ? $" Not shown, with no ratio in any layer (the noise moved it nowhere, or it is undefined): {string.Join(", ", omitted)}." : ""));
    }

    /// <summary>"survived 3, changed 1, …" over the quantized layers.</summary>
    private static string Verdicts(IReadOnlyList<LayerDiff> layers) =>
        string.Join(", ", layers.GroupBy(l => l.Geometry?.Verdict ?? "not compared").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>The verdict with its clusters: "changed: 3 → 2 clusters; pentagon {0..4} → none".</summary>
    public static string GeometryText(GeometrySurvival g)
    {
        var details = g.Matches.Where(m => m.Outcome != "kept").Take(4).Select(m =>
            $"{m.TemplateA} of {m.Members.Count} {m.Outcome}" + (m.TemplateB is null ? "" : $" (best match: {m.TemplateB} of {m.MatchMembers.Count}, overlap {DiffReportBuilder.F(m.Overlap)})"));
        string text = $"{g.Verdict}: {g.ClustersA} → {g.ClustersB} localized cluster(s)";
        var list = details.ToList();
        return list.Count == 0 ? text : text + "; " + string.Join("; ", list) + (g.Matches.Count(m => m.Outcome != "kept") > 4 ? "; …" : "");
    }
}
