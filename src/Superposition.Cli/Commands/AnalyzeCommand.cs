using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Exports;
using Superposition.Spectral.Pipeline;

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
        var shard = new Option<string?>("--shard") { HelpName = "k/N", Description = "Analyse only part k of N of the layers (balanced by estimated FLOPs) and write a partial JSON (--json) for 'merge'." };
        var checkpoints = new Option<DirectoryInfo?>("--checkpoints") { HelpName = "DIR", Description = "Save each finished layer in this folder (default with --resume: <json>.checkpoints)." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the layers saved in the checkpoint folder by an interrupted run of the same model and options." };
        var analysis = new AnalysisOptionSet();
        var command = new Command("analyze", "Measure every weight matrix as a frame: spectrum of F = W Wᵀ, localization, feature dimensionality and capacity, "
            + "tightness, coherence, polytopes and heavy-tailed spectrum statistics (formulas, sources and tests: docs/methods.md in the repository, sections 1-4).")
        {
            model, json, csv, perFeature, shard, checkpoints, resume,
        };
        analysis.AddTo(command);
        command.SetAction(parse =>
        {
            var options = analysis.Read(parse, parse.GetValue(perFeature));
            var plan = parse.GetValue(shard) is { } text ? ShardPlan.Parse(text) : null;
            var jsonFile = parse.GetValue(json);
            if (plan is not null && jsonFile is null) throw Fail.InvalidArgument("--shard", plan.ToString(), "a --json FILE for the partial results");
            if (plan is not null && parse.GetValue(csv) is not null) throw Fail.InvalidArgument("--csv", "with --shard", "no --csv on a shard ('merge --csv' writes it for the whole model)");
            if (plan is not null) options = options with { Shard = plan };
            var backend = analysis.Backend(parse);
            var loaded = OnnxModelLoader.Load(parse.GetValue(model)!.FullName, CommonOptions.Loading(parse));
            var checkpoint = Checkpoint(parse.GetValue(checkpoints), parse.GetValue(resume), jsonFile, loaded.Path, options);
            var title = plan is null ? $"analysing {loaded.FileName} ({backend.Name})" : $"analysing shard {plan} of {loaded.FileName} ({backend.Name})";
            var result = LayerProgressDisplay.Run(context, title, progress => Spectral.HeavyTail.ConvSliceSpectrum.Attach(ModelAnalyzer.Analyze(loaded, options, backend, progress, default, checkpoint), loaded, backend));
            if (checkpoint is { Restored: > 0 } restored) context.Status($"resumed: {restored.Restored} layer(s) taken from the checkpoints");
            if (plan is null) AnalysisGuard.RequireLayers(loaded, result);
            AnalysisTable.Print(context, result);
            if (plan is not null)
            {
                Json.Write(jsonFile!.FullName, new PartialAnalysis(PartialAnalysis.CurrentFormat, plan, options.Analysis.PerFeature, result));
                context.Status($"wrote {jsonFile.FullName} (shard {plan}: {result.Layers.Count} layer(s); join the parts with 'superposition merge')");
                return AnalysisTable.ExitCode(result);
            }

            var probe = analysis.Probe(parse, context, loaded.Path, backend);
            if (jsonFile is not null)
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

    private static JsonLayerCheckpoint? Checkpoint(DirectoryInfo? folder, bool resume, FileInfo? json, string modelPath, ModelAnalysisOptions options)
    {
        var path = folder?.FullName ?? (resume && json is not null ? json.FullName + ".checkpoints" : null);
        if (path is null)
        {
            if (resume) throw Fail.InvalidArgument("--resume", "without a checkpoint folder", "--checkpoints DIR or --json FILE (then FILE.checkpoints)");
            return null;
        }

        using var stream = File.OpenRead(modelPath);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return new JsonLayerCheckpoint(path, sha, options, load: resume);
    }
}
