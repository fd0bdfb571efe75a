using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Reports.Audit;
using Superposition.Reports.Exports;
using Superposition.Reports.Pdf;

namespace Superposition.Cli.Commands;

/// <summary>
/// <c>superposition merge PART... --json FILE [-o report.pdf]</c>: joins the partial results of
/// <c>analyze --shard k/N</c> into the JSON (and optionally the report) one run over the whole model writes.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var parts = new Argument<FileInfo[]>("parts") { Description = "The partial JSON files of shards 1/N … N/N (any order).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write the merged results as the JSON 'analyze --json' writes." };
        var csv = new Option<FileInfo?>("--csv") { HelpName = "FILE", Description = "Write one CSV row per layer (analysed or skipped)." };
        var report = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Also write the PDF report (without toy baselines)." };
        var detail = new Option<int>("--detail") { HelpName = "N", Description = "Layers that get a detail section in the report.", DefaultValueFactory = _ => 12 };
        var command = new Command("merge", "Join the partial JSON files of 'analyze --shard k/N' into the single-run JSON and report.")
        {
            parts, json, csv, report, detail,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(parts) ?? [];
            var read = files.Select(f => PartialAnalysis.Read(f.FullName)).ToList();
            var (merged, perFeature) = ShardMerger.Merge(read, files.Select(f => f.FullName).ToList());
            AnalysisTable.Print(context, merged);
            if (parse.GetValue(json) is { } jsonFile)
            {
                Json.Write(jsonFile.FullName, AnalysisDocument.From(merged, perFeature));
                context.Status($"wrote {jsonFile.FullName} ({merged.Layers.Count} layers from {read.Count} parts)");
            }

            if (parse.GetValue(csv) is { } csvFile)
            {
                OutputFile.WriteText(csvFile.FullName, CsvExport.Write(merged));
                context.Status($"wrote {csvFile.FullName}");
            }

            if (parse.GetValue(report) is { } pdf)
            {
                var commandLine = "superposition " + string.Join(' ', parse.Tokens.Select(t => t.Value));
                var input = new AuditInput(new RunInfo(ToolIdentity.Current.Version, commandLine, DateTimeOffset.UtcNow), merged, null, parse.GetValue(detail));
                var document = AuditReportBuilder.Build(input);
                OutputFile.Write(pdf.FullName, stream => new PdfReportRenderer().Render(document, stream));
                context.Status($"wrote {pdf.FullName}");
            }

            return AnalysisTable.ExitCode(merged);
        });
        return command;
    }
}
