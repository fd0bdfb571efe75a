using System.CommandLine;
using Superposition.Training.Tms;

namespace Superposition.Cli.Commands;

/// <summary>
/// The options of <c>toy train</c> and <c>toy sweep</c>: a preset of Anthropic's notebook, or free settings on top
/// of it. Any free setting that changes the preset's training renames the run "custom", so no output calls a
/// changed run the notebook's.
/// </summary>
internal sealed class ToyOptionSet
{
    private readonly Option<string> _preset = new("--preset") { Description = "The notebook's configuration: 5-2 (5 features in 2 dims, 10 sparsities), 100-20, 200-20 (the feature-dimensionality figure). AdamW lr 1e-3, weight decay 0.01, batch 1024, 10,000 steps.", DefaultValueFactory = _ => "5-2" };
    private readonly Option<int?> _features = new("--features") { Description = "Number of features n (free setting; importance becomes constant unless the preset's fits)." };
    private readonly Option<int?> _hidden = new("--hidden") { Description = "Hidden dimensions m (free setting)." };
    private readonly Option<double[]> _probability = new("--feature-probability") { Description = "Feature probabilities 1 − S, one instance each (free setting).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int?> _steps = new("--steps") { Description = "Optimizer steps (free setting; the notebook's is 10,000)." };
    private readonly Option<int?> _batch = new("--batch") { Description = "Batch size (free setting; the notebook's is 1024)." };
    private readonly Option<double?> _learningRate = new("--lr") { Description = "AdamW learning rate (free setting; the notebook's is 1e-3)." };
    private readonly Option<double?> _weightDecay = new("--weight-decay") { Description = "AdamW decoupled weight decay (free setting; the notebook's is PyTorch's default 0.01)." };
    private readonly Option<string?> _init = new("--init") { Description = "W initialisation: whole-tensor (the notebook's xavier_normal_ on [instances, n, m]) or per-matrix (sqrt(2/(n+m)); free setting)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Seeds trained per instance; the lowest loss is kept and the report says so.", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _preset, _features, _hidden, _probability, _steps, _batch, _learningRate, _weightDecay, _init, _seed, _seeds }) command.Options.Add(option);
    }

    public TmsOptions Read(ParseResult parse)
    {
        var options = TmsPresets.ByName(parse.GetValue(_preset)!) with { Seed = parse.GetValue(_seed), SeedsPerInstance = parse.GetValue(_seeds) };
        if (parse.GetValue(_features) is int n)
        {
            options = options with { Features = n, Importance = options.Importance?.Count == n ? options.Importance : null };
        }

        if (parse.GetValue(_hidden) is int m) options = options with { Hidden = m };
        if (parse.GetValue(_probability) is { Length: > 0 } p) options = options with { FeatureProbabilities = p };
        if (parse.GetValue(_steps) is int steps) options = options with { Steps = steps };
        if (parse.GetValue(_batch) is int batch) options = options with { BatchSize = batch };
        if (parse.GetValue(_learningRate) is double lr) options = options with { LearningRate = lr };
        if (parse.GetValue(_weightDecay) is double wd) options = options with { WeightDecay = wd };
        if (parse.GetValue(_init) is string init)
        {
            options = options with
            {
                Initialization = init switch
                {
                    "whole-tensor" => TmsInitialization.XavierWholeTensor,
                    "per-matrix" => TmsInitialization.XavierPerMatrix,
                    _ => throw Fail.InvalidArgument("--init", init, "whole-tensor or per-matrix"),
                },
            };
        }

        options.Validate();
        return TmsPresets.IsNotebook(options) ? options : options with { Name = "custom" };
    }
}
