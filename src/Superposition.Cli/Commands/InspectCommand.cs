using System.CommandLine;
using Spectre.Console;
using Superposition.Cli.Output;
using Superposition.Onnx;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition inspect MODEL [--json FILE]</c>: what the model stores and how each weight reads as a frame.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file to list." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Also write the listing as JSON (camelCase fields) to this file." };
        var orientation = CommonOptions.Orientation();
        var command = new Command("inspect", "List producer, opset and every stored tensor: consuming op, layer, shape, dtype, parameters, orientation as features × hidden, storage.")
        {
            model, json, orientation,
        };
        command.SetAction(parse =>
        {
            var loaded = OnnxModelLoader.Load(parse.GetValue(model)!.FullName, CommonOptions.Loading(parse));
            var listing = ModelListing.From(loaded, parse.GetValue(orientation));
            Print(context, listing);
            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, listing);
                context.Status($"wrote {file.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, ModelListing listing)
    {
        var console = context.Console;
        console.MarkupLine($"[bold]{Markup.Escape(listing.File)}[/]  ({listing.FileBytes:N0} bytes)");
        console.MarkupLine($"producer: {Markup.Escape(listing.Producer.Length == 0 ? "(not set)" : listing.Producer)}   IR version {listing.IrVersion}   opsets: {Markup.Escape(string.Join(", ", listing.Opsets))}");
        console.MarkupLine($"{listing.Nodes} nodes, {listing.Tensors.Count} stored tensors, {listing.Parameters:N0} parameters, {listing.Frames} frames");
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "tensor", "op", "layer", "shape", "dtype", "params", "frame (features × hidden)", "storage" })
        {
            table.AddColumn(header);
        }

        foreach (var row in listing.Tensors)
        {
            string frame = row.Features is int n && row.Hidden is int m ? $"{n} × {m} {row.OrientationLabel}" : "— " + row.NotAFrame;
            table.AddRow(Cell(row.Name), Cell(row.Op), Cell(row.Layer), Cell(row.Shape), Cell(row.Dtype), Cell(row.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), Cell(frame), Cell(row.Storage));
        }

        console.Write(table);
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
