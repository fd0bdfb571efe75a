using System.Globalization;
using Spectre.Console;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Output;

/// <summary>The terminal summary of an analysis: one row per layer, then the failed and the skipped ones with reasons.</summary>
internal static class AnalysisTable
{
    public static void Print(CliContext context, ModelAnalysis analysis)
    {
        var console = context.Console;
        console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(analysis.Model.File))}[/]: {analysis.Layers.Count} layers analysed, {analysis.Failed.Count} failed, {analysis.Skipped.Count} not frames, "
            + $"{analysis.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s, backend {Markup.Escape(analysis.Backend)}");
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "layer", "op", "n × m", "rank", "D*", "ΣD/m", "localized", "τ", "μmax (Welch)", "α (band)" })
        {
            table.AddColumn(header);
        }

        var notes = new List<string>();
        foreach (var layer in analysis.Layers)
        {
            var a = layer.Analysis;
            string mark = "";
            if (layer.Notes.Count > 0)
            {
                notes.Add($"[{notes.Count + 1}] {layer.Name}: {string.Join("; ", layer.Notes)}");
                mark = $" [{notes.Count}]";
            }

            var fit = a.HeavyTail.PowerLaw;
            string alpha = fit.Succeeded ? $"{F(fit.Alpha)} ({a.HeavyTail.Quality})" : "fit failed";
            string coherence = a.Coherence.MaxCoherence is double max ? $"{F(max)} ({F(a.Coherence.WelchBound)})" : "—";
            table.AddRow(
                Cell(layer.Name + mark), Cell(layer.Op), Cell($"{layer.Features} × {layer.Hidden}"), Cell(a.Spectrum.Rank.ToString(CultureInfo.InvariantCulture)),
                Cell(F(a.Capacity.DimensionsPerFeature)), Cell(F(a.Capacity.CapacityRatio)),
                Cell(a.Localization.OnEigenspaces.LocalizedFraction.ToString("P0", CultureInfo.InvariantCulture)),
                Cell(F(a.Geometry.Tightness)), Cell(coherence), Cell(alpha));
        }

        console.Write(table);
        foreach (string note in notes) console.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");

        // Tensors that are not frames are counted by reason (the JSON and CSV list each one); layers whose
        // analysis failed are listed one by one because they are the surprises.
        var byReason = analysis.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count());
        string counted = string.Join(", ", byReason.Select(g => $"{g.Count()} × {g.Key}"));
        if (counted.Length > 0) console.MarkupLine($"[grey]not frames: {Markup.Escape(counted)}[/]");
        PrintFailures(context, analysis);
    }

    /// <summary>Each failed layer with its reason, then the partial-result line.</summary>
    public static void PrintFailures(CliContext context, ModelAnalysis analysis)
    {
        var console = context.Console;
        foreach (var failed in analysis.Failed)
        {
            console.MarkupLine($"[red]failed[/] {Markup.Escape(failed.Name)} ({Markup.Escape(failed.Op)}, {failed.Kind}): {Markup.Escape(ErrorText.ForLayer(failed))}");
        }

        if (analysis.IsPartial)
        {
            console.MarkupLine($"[red]partial result[/]: {analysis.Failed.Count} layer(s) failed; exit code {ExitCodes.Partial}.");
        }
    }

    /// <summary>The exit code of a command whose outputs are written: partial when a layer failed.</summary>
    public static int ExitCode(ModelAnalysis analysis) => analysis.IsPartial ? ExitCodes.Partial : ExitCodes.Success;

    /// <summary>Numbers as the report prints them (three significant digits), so terminal and PDF agree.</summary>
    public static string F(double? value) => value is double v ? Reports.NumberFormat.Compact(v, 3) : "—";

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
