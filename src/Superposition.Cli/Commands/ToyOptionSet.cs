using System.CommandLine;
using Superposition.Training.Tms;

namespace Superposition.Cli.Commands;

/// <summary>The options of <c>toy train</c> and <c>toy sweep</c>: a published preset, or free settings on top of it.</summary>
internal sealed class ToyOptionSet
{
    private readonly Option<string> _preset = new("--preset") { Description = "Published configuration: 5-2 (5 features in 2 dims, 10 sparsities), 100-20, 200-20.", DefaultValueFactory = _ => "5-2" };
    private readonly Option<int?> _features = new("--features") { Description = "Number of features n (overrides the preset; importance becomes constant unless the preset's fits)." };
    private readonly Option<int?> _hidden = new("--hidden") { Description = "Hidden dimensions m (overrides the preset)." };
    private readonly Option<double[]> _probability = new("--feature-probability") { Description = "Feature probabilities 1 − S, one instance each (overrides the preset's sweep).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int?> _steps = new("--steps") { Description = "Optimizer steps (default 10,000)." };
    private readonly Option<int?> _batch = new("--batch") { Description = "Batch size (default 1024)." };
    private readonly Option<double?> _learningRate = new("--lr") { Description = "AdamW learning rate (default 1e-3)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Seeds trained per instance; the lowest loss is kept and the report says so.", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _preset, _features, _hidden, _probability, _steps, _batch, _learningRate, _seed, _seeds }) command.Options.Add(option);
    }

    public TmsOptions Read(ParseResult parse)
    {
        var options = TmsPresets.ByName(parse.GetValue(_preset)!) with { Seed = parse.GetValue(_seed), SeedsPerInstance = parse.GetValue(_seeds) };
        if (parse.GetValue(_features) is int n)
        {
            options = options with { Name = "custom", Features = n, Importance = options.Importance?.Count == n ? options.Importance : null };
        }

        if (parse.GetValue(_hidden) is int m) options = options with { Name = "custom", Hidden = m };
        if (parse.GetValue(_probability) is { Length: > 0 } p) options = options with { FeatureProbabilities = p };
        if (parse.GetValue(_steps) is int steps) options = options with { Steps = steps };
        if (parse.GetValue(_batch) is int batch) options = options with { BatchSize = batch };
        if (parse.GetValue(_learningRate) is double lr) options = options with { LearningRate = lr };
        options.Validate();
        return options;
    }
}
