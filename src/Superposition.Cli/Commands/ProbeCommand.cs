using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Superposition.Cli.Output;
using Superposition.Runtime.Activations;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Probes;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition probe MODEL</c>: run the model in ONNX Runtime and measure chosen activations.</summary>
internal static class ProbeCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file to run." };
        var inputs = new Option<string>("--inputs") { HelpName = "random|FILE", Description = "'random' (seeded normal floats, small integers) or a .pb tensor file / folder of input_*.pb files.", DefaultValueFactory = _ => "random" };
        var tensors = new Option<string[]>("--tensors") { HelpName = "PATTERN", Description = "Values to expose: glob patterns on value names or producing ops (default: the inputs of every weight-reading node).", AllowMultipleArgumentsPerToken = true };
        var samples = new Option<int>("--samples") { HelpName = "N", Description = "Random input samples to run.", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random inputs.", DefaultValueFactory = _ => new ProbeRunOptions().Seed };
        var shapes = new Option<string[]>("--shape") { HelpName = "NAME=AxB", Description = "Shape of a named input for random inputs, e.g. --shape input=1x512 (repeatable); dynamic dimensions otherwise get 16 (first) and 1.", AllowMultipleArgumentsPerToken = true };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write the measurements as JSON to this file." };
        var backend = new Option<BackendChoice>("--backend") { Description = "Linear algebra: auto, native or managed.", DefaultValueFactory = _ => BackendChoice.Auto };
        var command = new Command("probe", "Run the model (ONNX Runtime) with intermediate tensors exposed; per tensor: covariance spectrum and its power-law decay, "
            + "per-channel activation frequency, and overlap of the principal subspace with the eigenspaces of the frame that reads it.")
        {
            model, inputs, tensors, samples, seed, shapes, json, backend,
        };
        command.SetAction(parse =>
        {
            string input = parse.GetValue(inputs)!;
            var options = new ProbeRunOptions
            {
                TensorPatterns = (parse.GetValue(tensors) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                Samples = parse.GetValue(samples),
                Seed = parse.GetValue(seed),
                InputShapes = ParseShapes(parse.GetValue(shapes) ?? []),
                InputsPath = input.Equals("random", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(input),
            };
            var linearAlgebra = LinearAlgebraBackends.Create(parse.GetValue(backend));
            string path = parse.GetValue(model)!.FullName;
            context.Status($"probing {Path.GetFileName(path)} ...");
            var report = ProbeRunner.Run(path, options, linearAlgebra);
            Print(context, report);
            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, report);
                context.Status($"wrote {file.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Dictionary<string, long[]> ParseShapes(IEnumerable<string> specs)
    {
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (string spec in specs)
        {
            int eq = spec.LastIndexOf('=');
            var sizes = eq > 0 ? spec[(eq + 1)..].Split('x', ',') : [];
            var parsed = sizes.Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > 0 ? v : -1).ToArray();
            if (eq <= 0 || parsed.Length == 0 || parsed.Any(v => v < 0)) throw Fail.InvalidArgument("--shape", spec, "NAME=SIZExSIZE… with positive sizes, e.g. input=1x512");
            shapes[spec[..eq]] = parsed;
        }

        return shapes;
    }

    private static void Print(CliContext context, ProbeReport report)
    {
        var console = context.Console;
        console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(report.Model))}[/]: {report.Tensors.Count} tensors probed; inputs {Markup.Escape(report.Inputs)}; {Markup.Escape(report.Runtime)}");
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "tensor", "from", "samples × features", "decay β (± se)", "active (mean)", "dead", "read by: overlap k=4 / random" })
        {
            table.AddColumn(header);
        }

        foreach (var t in report.Tensors)
        {
            string decay = t.Decay.Succeeded ? $"{AnalysisTable.F(t.Decay.Exponent)} ± {AnalysisTable.F(t.Decay.StandardError)}" : "—";
            string overlap = t.ReadBy.Count == 0 ? "—" : string.Join("; ", t.ReadBy.Select(r =>
                r.Overlaps.FirstOrDefault(o => o.K == 4) is { } o ? $"{r.Weight}: {AnalysisTable.F(o.Overlap)} / {AnalysisTable.F(o.RandomBaseline)}" : $"{r.Weight}: {r.Note}"));
            table.AddRow(Cell(t.Name), Cell(t.ProducedBy), Cell($"{t.Samples} × {t.Features}"), Cell(decay),
                Cell(t.Frequency.Mean.ToString("P0", CultureInfo.InvariantCulture)), Cell(t.Frequency.DeadChannels.ToString(CultureInfo.InvariantCulture)), Cell(overlap));
        }

        console.Write(table);
        foreach (string skip in report.Skipped) console.MarkupLine("[grey]skipped " + Markup.Escape(skip) + "[/]");
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
