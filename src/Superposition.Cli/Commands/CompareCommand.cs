using System.CommandLine;
using Spectre.Console;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Baselines;
using Superposition.Spectral.Models;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition compare MODEL --baselines DIR</c>: each real layer beside the toy baselines.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file whose layers to place." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write the comparison as JSON to this file." };
        var baselines = new BaselineOptionSet();
        var analysis = new AnalysisOptionSet();
        var command = new Command("compare", "Place each real layer next to toy baselines (distribution of D_i, capacity ratio, localization, tightness) and name the nearest toy regime with its distance.")
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
            var comparison = baselines.Compare(parse, context, result, backend)
                ?? throw Fail.InvalidArgument("--no-baselines", true, "compare needs baselines; drop --no-baselines");
            Print(context, comparison);
            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, comparison);
                context.Status($"wrote {file.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, BaselineComparison comparison)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "layer", "n/m", "ΣD/m", "localized", "nearest toy", "regime", "distance", "match" })
        {
            table.AddColumn(header);
        }

        foreach (var match in comparison.Matches)
        {
            var s = match.Signature;
            table.AddRow(Cell(match.Layer), Cell(AnalysisTable.F(s.FeaturesPerDimension)), Cell(AnalysisTable.F(s.CapacityRatio)),
                Cell(s.LocalizedFraction.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)), Cell(match.Nearest.Baseline), Cell(match.Nearest.Regime),
                Cell(AnalysisTable.F(match.Nearest.Distance)), Cell(match.Closeness));
        }

        context.Console.Write(table);
        context.Console.MarkupLine($"[grey]{comparison.Baselines.Count} baselines from {Markup.Escape(comparison.Source)}; distance = EMD of log10 D_i + |Δ ΣD/m| + |Δ localized| + |Δ log10(1+τ)|; close < {BaselineComparer.CloseDistance}, loose < {BaselineComparer.LooseDistance}.[/]");
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
