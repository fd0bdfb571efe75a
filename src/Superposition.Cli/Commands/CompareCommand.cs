using System.CommandLine;
using Spectre.Console;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Baselines;
using Superposition.Reports.Exports;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition compare MODEL</c>: each real layer among layer-matched toy baselines and against its null models.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file whose layers to place." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write the comparison as JSON to this file." };
        var baselines = new BaselineOptionSet();
        var analysis = new AnalysisOptionSet();
        var command = new Command("compare", "Place each layer among toy models of superposition of its own shape across sparsity (nearest feature probability with an interval) and against shuffled and Gaussian null models of itself.")
        {
            model, json,
        };
        analysis.AddTo(command);
        baselines.AddTo(command);
        command.SetAction(parse =>
        {
            var options = analysis.Read(parse, perFeature: true);
            var backend = analysis.Backend(parse);
            var loaded = OnnxModelLoader.Load(parse.GetValue(model)!.FullName, CommonOptions.Loading(parse));
            var result = LayerProgressDisplay.Run(context, $"analysing {loaded.FileName}", progress => Spectral.HeavyTail.ConvSliceSpectrum.Attach(ModelAnalyzer.Analyze(loaded, options, backend, progress), loaded, backend));
            AnalysisGuard.RequireLayers(loaded, result);
            var comparison = baselines.Compare(parse, context, loaded, result, backend)
                ?? throw Fail.InvalidArgument("--no-baselines", true, "compare needs baselines; drop --no-baselines");
            Print(context, comparison);
            AnalysisTable.PrintFailures(context, result);
            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, ComparisonDocument.From(comparison));
                context.Status($"wrote {file.FullName}");
            }

            return AnalysisTable.ExitCode(result);
        });
        return command;
    }

    private static void Print(CliContext context, BaselineComparison comparison)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "layer", "n × m", "toy", "p (nearest)", "interval", "distance", "match", "null distance", "structured", "regime" })
        {
            table.AddColumn(header);
        }

        foreach (var p in comparison.Placements)
        {
            var b = p.Baseline;
            table.AddRow(Cell(p.Layer), Cell($"{p.Features} × {p.Hidden}"), Cell(b?.Toy.ToString() ?? "—"), Cell(b is null ? "—" : AnalysisTable.F(b.FeatureProbability)),
                Cell(b is null ? "—" : $"[{AnalysisTable.F(b.Low)}, {AnalysisTable.F(b.High)}]"), Cell(b is null ? "—" : AnalysisTable.F(b.Distance)),
                Cell(b is null ? "—" : Interpretation.Label(b.Closeness)), Cell(AnalysisTable.F(p.Null.Distance)), Cell(p.Null.Structured ? "yes" : "no"), Cell(RegimeLabel(p)));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(Markup.Escape(
            $"{comparison.Placements.Count} layers: {comparison.Count(LayerRegime.ToyRegime)} placed among toys, {comparison.Count(LayerRegime.UnlikeAnyToy)} unlike any toy regime, "
            + $"{comparison.Count(LayerRegime.Unstructured)} like their nulls, {comparison.Count(LayerRegime.NotPlaced)} not placed. Baselines: {comparison.Source}. "
            + $"Distance = EMD of log10(D_i·n/m) + |Δ ΣD/m| + |Δ log10(1+τ)| + |Δ log10(1+c)|; {Interpretation.BandsSentence()}; {Interpretation.StructuredSentence()}."));
    }

    private static string RegimeLabel(LayerPlacement p) => p.Regime switch
    {
        LayerRegime.ToyRegime => p.Baseline!.ToyRegime,
        LayerRegime.UnlikeAnyToy => "unlike any toy regime",
        LayerRegime.Unstructured => "not distinguishable from its nulls",
        _ => "not placed: " + p.Reason,
    } + (p.Caveat is null ? "" : " (caveat: by construction)");

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
