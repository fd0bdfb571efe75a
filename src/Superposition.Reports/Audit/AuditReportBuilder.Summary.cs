using Superposition.Reports.Content;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

public static partial class AuditReportBuilder
{
    private static Section Cover(AuditInput input)
    {
        var a = input.Analysis;
        var blocks = new List<Block>
        {
            Paragraph.FromMarkup($"This report reads every weight matrix of **{Path.GetFileName(a.Model.File)}** as a frame of feature vectors and measures how each layer packs features into its dimensions, from the weights alone (no data). {a.Layers.Count} weight matrices were analysed{(a.Failed.Count > 0 ? $", the analysis of {a.Failed.Count} failed" : "")} and {a.Skipped.Count} stored tensors are not frames (all are listed with their reasons at the end of the summary). The analysis took {a.Seconds:0.0} s."),
            Paragraph.FromMarkup("How to read it: a layer with **n** features in **m** dimensions is in superposition when n > m. **D_i** (feature dimensionality, ‖w_i‖⁴ / Σ_j (w_i·w_j)²) says what share of a dimension feature i has: 1 for a dedicated direction, 1/2 for an antipodal pair, 2/5 for a pentagon. **ΣD/m** near 1 means the layer's capacity is used up by localized features; **τ** is 0 for a tight frame; the power-law exponent **α** of the weight spectrum is typical between 2 and 6."),
        };
        if (input.Comparison is { } comparison)
        {
            blocks.Add(Paragraph.FromMarkup($"Each layer is placed among toy models of superposition of its own shape (the same n/m, m ≤ {comparison.Settings.HiddenCap}; {comparison.Trajectories.Count} shapes, {comparison.Settings.FeatureProbabilities.Count} feature probabilities, {comparison.Settings.Runs} runs each), trained by the tool itself (`{comparison.Source}`) and analysed by the same code, and against null models of itself (its entries shuffled; a Gaussian frame of the same shape and norm)."));
        }

        return new Section("About this audit", blocks);
    }

    private static Section Summary(AuditInput input, IReadOnlyList<LayerAnalysis> detailed)
    {
        var a = input.Analysis;
        var withDetail = detailed.ToHashSet();
        var columns = new List<TableColumn>
        {
            // Numbers and op names never break across lines (NoWrap); long layer names wrap instead.
            new("layer", RelativeWidth: input.Identities is null ? 2.4 : 3.4) { Filter = ColumnFilter.Text }, // readable names with the tensor name beside them are long
            new("op", RelativeWidth: 1.3, NoWrap: true) { Filter = ColumnFilter.Choice },
            new("role", RelativeWidth: 1.2) { Filter = ColumnFilter.Choice, InteractiveOnly = true },
            new("n × m", ColumnAlignment.Right, RelativeWidth: 1.5, NoWrap: true),
            new("D*", ColumnAlignment.Right, RelativeWidth: 1.1, NoWrap: true),
            new("ΣD/m", ColumnAlignment.Right, RelativeWidth: 1.1, NoWrap: true),
            new("local.", ColumnAlignment.Right, RelativeWidth: 1.1, NoWrap: true),
            new("τ", ColumnAlignment.Right, RelativeWidth: 1.1, NoWrap: true),
            new("μmax / Welch", ColumnAlignment.Right, RelativeWidth: 1.9, NoWrap: true),
            new("α (band)", ColumnAlignment.Right, RelativeWidth: 2.0, NoWrap: true),
            new("findings", RelativeWidth: 2.2) { Filter = ColumnFilter.Choice, InteractiveOnly = true },
        };
        if (input.Comparison is not null) columns.Add(new TableColumn("toy placement", RelativeWidth: 3.2));
        var rows = new List<IReadOnlyList<TableCell>>();
        foreach (var layer in a.Layers)
        {
            var x = layer.Analysis;
            var fit = x.HeavyTail.PowerLaw;
            TableCell name = LayerLabel(layer, input) + (layer.Notes.Count > 0 ? " *" : "");
            var tags = Findings.TagsFor(layer, input);
            var row = new List<TableCell>
            {
                withDetail.Contains(layer) ? name with { Link = LayerAnchor(a, layer) } : name,
                layer.Op,
                Role(layer),
                $"{layer.Features} × {layer.Hidden}",
                Sorted(F(x.Capacity.DimensionsPerFeature), x.Capacity.DimensionsPerFeature),
                Sorted(F(x.Capacity.CapacityRatio), x.Capacity.CapacityRatio),
                Sorted($"{x.Localization.OnEigenspaces.LocalizedFraction:P0}", x.Localization.OnEigenspaces.LocalizedFraction),
                Sorted(F(x.Geometry.Tightness), x.Geometry.Tightness),
                x.Coherence.MaxCoherence is double max ? Sorted($"{F(max)} / {F(x.Coherence.WelchBound)}", max) : "—",
                fit.Succeeded ? Sorted($"{F(fit.Alpha)} ({x.HeavyTail.Quality})", fit.Alpha) : "no fit",
                TableCell.Of(tags[0] == "none" ? "—" : string.Join(", ", tags)) with { Tags = tags },
            };
            if (input.Comparison?.For(layer.Name) is { } placement) row.Add(PlacementText.Cell(placement));
            else if (input.Comparison is not null) row.Add("—");
            rows.Add(row);
        }

        var blocks = new List<Block>
        {
            new Table(columns, rows, "Every analysed layer. n × m: features × hidden dimensions in the orientation used; D*: m / ‖W‖_F² on the raw weights (scale-dependent; each layer's detail gives the scale-free m/n beside it); local.: share of features localized in one eigenspace; * marks a layer with a caveat (see its detail section or the JSON). The HTML page adds two columns to sort and filter by: the role (how the frame's features were read: read, write, embedding, rows, columns) and the findings below that name the layer."),
        };
        blocks.Add(new Heading("Findings"));
        blocks.AddRange(Findings.For(input));
        blocks.AddRange(FailedBlocks(a));
        blocks.AddRange(SkippedBlocks(a));
        return new Section("Summary", blocks);
    }

    private static IEnumerable<Block> FailedBlocks(ModelAnalysis a)
    {
        if (a.Failed.Count == 0) yield break;
        yield return new Heading("Failed layers");
        var rows = a.Failed.Select(f => (IReadOnlyList<TableCell>)[f.Name, f.Op, f.Kind.ToString(), f.Reason]).ToList();
        yield return new Table(
            [new TableColumn("layer", RelativeWidth: 2.5), new TableColumn("op", RelativeWidth: 1.0), new TableColumn("failure", RelativeWidth: 1.5), new TableColumn("reason", RelativeWidth: 5.0)],
            rows,
            "Weight matrices whose analysis failed: no number of theirs is in this report. The other layers were analysed; the run ended with the partial-result exit code.");
    }

    /// <summary>A cell showing a rounded number that sorts (in the HTML page) by the exact value.</summary>
    private static TableCell Sorted(string text, double? value) => TableCell.Of(text) with { SortKey = value };

    private static IEnumerable<Block> SkippedBlocks(ModelAnalysis a)
    {
        if (a.Skipped.Count == 0) yield break;
        yield return new Heading("Not analysed");
        var groups = a.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).ToList();
        var rows = groups.Select(g => (IReadOnlyList<TableCell>)
        [
            g.Key,
            TableCell.Of(g.Count()),
            string.Join(", ", g.Take(4).Select(s => s.Name)) + (g.Count() > 4 ? ", …" : ""),
        ]).ToList();
        yield return new Table(
            [new TableColumn("reason", RelativeWidth: 2.5), new TableColumn("count", ColumnAlignment.Right, "0", 1.0), new TableColumn("for example", RelativeWidth: 4.5)],
            rows,
            "Stored tensors that are not weight matrices, grouped by reason (the JSON lists each one).");
    }
}
