using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Reports.Baselines;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Models;

namespace Superposition.Cli.Commands;

/// <summary>
/// <c>--baselines DIR</c> and <c>--no-baselines</c>: where toy baselines come from. Without a folder, the default
/// baselines are trained on first use and cached (see <see cref="DefaultBaselines"/>).
/// </summary>
internal sealed class BaselineOptionSet
{
    private readonly Option<DirectoryInfo?> _folder = new("--baselines") { HelpName = "DIR", Description = "Folder of toy baselines (from 'superposition toy sweep --out DIR'). Default: the cached default baselines, trained on first use." };

    private readonly Option<bool> _none = new("--no-baselines") { Description = "Skip the comparison with toy baselines." };

    public void AddTo(Command command)
    {
        command.Options.Add(_folder);
        command.Options.Add(_none);
    }

    public BaselineComparison? Compare(ParseResult parse, CliContext context, ModelAnalysis analysis, ILinearAlgebraBackend backend)
    {
        if (parse.GetValue(_none) || analysis.Layers.Count == 0) return null;
        string folder = parse.GetValue(_folder)?.FullName ?? DefaultBaselines.EnsureTrained(context);
        var toys = LayerProgressDisplay.Run(context, $"analysing toy baselines in {folder}", progress => ToyBaselineLoader.Load(folder, backend, analysis.Options.Analysis, progress));
        return BaselineComparer.Compare(analysis, toys, folder);
    }
}
