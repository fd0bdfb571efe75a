using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Onnx.Graph;
using Superposition.Reports.Baselines;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Commands;

/// <summary>
/// <c>--baselines DIR</c> and <c>--no-baselines</c>: where the layer-matched toy baselines come from. Without a folder,
/// the shipped set and the user's cache are used (see <see cref="DefaultBaselines"/>); shapes in neither are trained.
/// </summary>
internal sealed class BaselineOptionSet
{
    private readonly Option<DirectoryInfo?> _folder = new("--baselines") { HelpName = "DIR", Description = "Folder of toy baseline sets (tms-NxM.json) to read, and to train missing shapes into. Default: the shipped set, then the user's cache." };

    private readonly Option<bool> _none = new("--no-baselines") { Description = "Skip the comparison with toy baselines and null models." };

    public void AddTo(Command command)
    {
        command.Options.Add(_folder);
        command.Options.Add(_none);
    }

    public BaselineComparison? Compare(ParseResult parse, CliContext context, OnnxModel model, ModelAnalysis analysis, ILinearAlgebraBackend backend)
    {
        if (parse.GetValue(_none) || analysis.Layers.Count == 0) return null;
        string? folder = parse.GetValue(_folder)?.FullName;
        if (folder is not null && !Directory.Exists(folder)) throw Fail.InvalidArgument("--baselines", folder, "an existing folder (an empty one is filled with the shapes this model needs)");
        var store = DefaultBaselines.Store(folder);
        var shapes = store.ShapesFor(analysis.Layers.Select(l => (l.Features, l.Hidden)));
        var sets = DefaultBaselines.Ensure(context, store, shapes);
        string source = folder ?? (store.ShippedFolder is { } shipped ? $"{shipped} (shipped) and {store.CacheFolder}" : store.CacheFolder);
        return LayerProgressDisplay.Run(context, "placing layers among toys and null models",
            progress => BaselineComparer.Compare(model, analysis, sets, store.Settings, source, backend, progress));
    }
}
