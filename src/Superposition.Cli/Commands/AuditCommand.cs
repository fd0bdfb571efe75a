using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Audit;
using Superposition.Reports.Exports;
using Superposition.Reports.Html;
using Superposition.Reports.Pdf;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition audit [MODEL]</c>: the whole job, from model file to PDF audit report.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo?>("model") { Description = "The .onnx file to audit (default: the bundled sample, the PP-OCRv4 text recognizer).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "The PDF report to write (default: <model>-audit.pdf in the current folder)." };
        var html = new Option<FileInfo?>("--html") { HelpName = "FILE", Description = "Also write the report as one self-contained HTML page." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Also write the analysis (with per-feature arrays) and the baseline comparison as JSON." };
        var detail = new Option<int>("--detail") { HelpName = "N", Description = "Layers that get a detail section (the most informative first).", DefaultValueFactory = _ => 12 };
        var baselines = new BaselineOptionSet();
        var analysis = new AnalysisOptionSet();
        var command = new Command("audit", "Analyse every layer, compare with toy baselines, and write the audit report (PDF; optionally HTML and JSON).")
        {
            model, output, html, json, detail,
        };
        analysis.AddTo(command);
        baselines.AddTo(command);
        command.SetAction(parse =>
        {
            string modelPath = parse.GetValue(model)?.FullName ?? SampleModels.DefaultPath();
            int detailLayers = parse.GetValue(detail);
            if (detailLayers < 0) throw Fail.InvalidArgument("--detail", detailLayers, "zero or more layers");
            string pdfPath = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.GetFileNameWithoutExtension(modelPath) + "-audit.pdf");
            var options = analysis.Read(parse, perFeature: true);
            options = options with { Analysis = options.Analysis with { MeasureMapFeatures = 200 } }; // the report's heatmap
            var backend = analysis.Backend(parse);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var loaded = OnnxModelLoader.Load(modelPath, CommonOptions.Loading(parse));
            var result = LayerProgressDisplay.Run(context, $"analysing {loaded.FileName} ({backend.Name})",
                progress => Spectral.HeavyTail.ConvSliceSpectrum.Attach(ModelAnalyzer.Analyze(loaded, options, backend, progress), loaded, backend));
            AnalysisGuard.RequireLayers(loaded, result);
            var comparison = baselines.Compare(parse, context, loaded, result, backend);
            var probe = analysis.Probe(parse, context, loaded.Path, backend);
            var identities = loaded.Matrices.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => new LayerIdentity(g.First().ReadableName, g.First().BlockIndex, g.First().Role));
            var input = new AuditInput(new RunInfo(ToolIdentity.Current.Version, CommandLineText(parse), DateTimeOffset.UtcNow), result, comparison, detailLayers, probe, identities);
            double beforeReport = clock.Elapsed.TotalSeconds;
            var document = AuditReportBuilder.Build(input);

            OutputFile.Write(pdfPath, stream => new PdfReportRenderer().Render(document, stream));
            double reportSeconds = clock.Elapsed.TotalSeconds - beforeReport;
            context.Status($"wrote {pdfPath}");
            context.Status(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"timing: analysis {result.Seconds:0.0} s, baselines and probe {beforeReport - result.Seconds:0.0} s, report {reportSeconds:0.0} s; total {clock.Elapsed.TotalSeconds:0.0} s, of which the report {100 * reportSeconds / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):0}%"));
            if (parse.GetValue(html) is { } htmlFile)
            {
                OutputFile.Write(htmlFile.FullName, stream => new HtmlReportRenderer().Render(document, stream));
                context.Status($"wrote {htmlFile.FullName}");
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                Json.Write(jsonFile.FullName, new AuditDocument(AnalysisDocument.From(result, perFeature: true, probe), comparison is null ? null : ComparisonDocument.From(comparison)));
                context.Status($"wrote {jsonFile.FullName}");
            }

            AnalysisTable.Print(context, result);
            return AnalysisTable.ExitCode(result);
        });
        return command;
    }

    private static string CommandLineText(ParseResult parse) =>
        "superposition " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{t.Value}\"" : t.Value));
}
