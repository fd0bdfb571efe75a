using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Onnx;
using Superposition.Reports.Audit;
using Superposition.Reports.Diff;
using Superposition.Reports.Exports;
using Superposition.Reports.Html;
using Superposition.Reports.Pdf;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition diff MODEL_A MODEL_B</c>: how two versions of a model differ, layer by layer.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var modelA = new Argument<FileInfo>("model-a") { Description = "The first model (.onnx), e.g. the float original." };
        var modelB = new Argument<FileInfo>("model-b") { Description = "The second model (.onnx), e.g. its fine-tuned or quantized copy." };
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Write the diff report (PDF)." };
        var html = new Option<FileInfo?>("--html") { HelpName = "FILE", Description = "Write the diff report as one self-contained HTML page." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write {\"layers\": [...]}: per pair the measure changes, principal angles, relativeFrobeniusChange and differenceStableRank." };
        var noNoise = new Option<bool>("--no-noise-reference") { Description = "Skip the Gaussian noise reference of quantized layers (one more analysis of each such layer)." };
        var detail = new Option<int>("--detail") { HelpName = "N", Description = "Changed layers that get a section in the report (largest change first).", DefaultValueFactory = _ => 12 };
        var analysis = new AnalysisOptionSet();
        var command = new Command("diff", "Compare two models layer by layer: measure changes, eigenspace angles, per-feature drift, weight difference.")
        {
            modelA, modelB, output, html, json, detail, noNoise,
        };
        analysis.AddTo(command);
        command.SetAction(parse =>
        {
            if (analysis.ProbeRequested(parse)) throw Fail.InvalidArgument("--probe", "given", "no --probe: diff compares weights only");
            int detailLayers = parse.GetValue(detail);
            if (detailLayers < 0) throw Fail.InvalidArgument("--detail", detailLayers, "zero or more layers");
            var options = analysis.Read(parse, perFeature: true);
            var backend = analysis.Backend(parse);
            var loadedA = OnnxModelLoader.Load(parse.GetValue(modelA)!.FullName, CommonOptions.Loading(parse));
            var loadedB = OnnxModelLoader.Load(parse.GetValue(modelB)!.FullName, CommonOptions.Loading(parse));
            var resultA = LayerProgressDisplay.Run(context, $"analysing {loadedA.FileName} ({backend.Name})", progress => ModelAnalyzer.Analyze(loadedA, options, backend, progress));
            AnalysisGuard.RequireLayers(loadedA, resultA);
            var resultB = LayerProgressDisplay.Run(context, $"analysing {loadedB.FileName} ({backend.Name})", progress => ModelAnalyzer.Analyze(loadedB, options, backend, progress));
            AnalysisGuard.RequireLayers(loadedB, resultB);
            var diff = ModelDiffer.Compare(loadedA, resultA, loadedB, resultB, backend, DiffOptions.Default with { NoiseReference = !parse.GetValue(noNoise) });

            if (parse.GetValue(json) is { } jsonFile)
            {
                Json.Write(jsonFile.FullName, DiffDocument.From(diff));
                context.Status($"wrote {jsonFile.FullName}");
            }

            if (parse.GetValue(output) is not null || parse.GetValue(html) is not null)
            {
                var run = new RunInfo(ToolIdentity.Current.Version, "superposition " + string.Join(' ', parse.Tokens.Select(t => t.Value)), DateTimeOffset.UtcNow);
                var document = DiffReportBuilder.Build(diff, run, detailLayers);
                if (parse.GetValue(output) is { } pdfFile)
                {
                    OutputFile.Write(pdfFile.FullName, stream => new PdfReportRenderer().Render(document, stream));
                    context.Status($"wrote {pdfFile.FullName}");
                }

                if (parse.GetValue(html) is { } htmlFile)
                {
                    OutputFile.Write(htmlFile.FullName, stream => new HtmlReportRenderer().Render(document, stream));
                    context.Status($"wrote {htmlFile.FullName}");
                }
            }

            DiffTable.Print(context, diff);
            return DiffTable.ExitCode(diff);
        });
        return command;
    }
}
