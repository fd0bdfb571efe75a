using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Exports;
using Superposition.Spectral.Models;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition analyze MODEL</c>: every measure of every layer, as a table, JSON and CSV.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file to analyse." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write every layer's results as JSON (camelCase) to this file." };
        var csv = new Option<FileInfo?>("--csv") { HelpName = "FILE", Description = "Write one CSV row per layer (analysed or skipped) to this file." };
        var perFeature = new Option<bool>("--per-feature") { Description = "Include per-feature arrays D, q, kappa, leverage, norm (feature order) in the JSON." };
        var analysis = new AnalysisOptionSet();
        var command = new Command("analyze", "Measure every weight matrix as a frame: spectrum of F = W Wᵀ, localization, feature dimensionality and capacity, "
            + "tightness, coherence, polytopes and heavy-tailed spectrum statistics (formulas, sources and tests: docs/methods.md in the repository, sections 1-4).")
        {
            model, json, csv, perFeature,
        };
        analysis.AddTo(command);
        command.SetAction(parse =>
        {
            var options = analysis.Read(parse, parse.GetValue(perFeature));
            var backend = analysis.Backend(parse);
            var loaded = OnnxModelLoader.Load(parse.GetValue(model)!.FullName, CommonOptions.Loading(parse));
            var result = LayerProgressDisplay.Run(context, $"analysing {loaded.FileName} ({backend.Name})",
                progress => Spectral.HeavyTail.ConvSliceSpectrum.Attach(ModelAnalyzer.Analyze(loaded, options, backend, progress), loaded, backend));
            AnalysisGuard.RequireLayers(loaded, result);
            AnalysisTable.Print(context, result);
            var probe = analysis.Probe(parse, context, loaded.Path, backend);
            if (parse.GetValue(json) is { } jsonFile)
            {
                Json.Write(jsonFile.FullName, AnalysisDocument.From(result, options.Analysis.PerFeature, probe));
                context.Status($"wrote {jsonFile.FullName}");
            }

            if (parse.GetValue(csv) is { } csvFile)
            {
                OutputFile.WriteText(csvFile.FullName, CsvExport.Write(result));
                context.Status($"wrote {csvFile.FullName}");
            }

            return AnalysisTable.ExitCode(result);
        });
        return command;
    }
}
