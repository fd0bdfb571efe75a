using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Output;

/// <summary>
/// Joins shard results into the analysis one run would have produced: same model, options and backend in every
/// part, shards 1 … N each exactly once; layers and failures back in model order (the planned order every part
/// carries), the tensors that are not frames from shard 1. The wall time is the sum of the parts'.
/// </summary>
internal static class ShardMerger
{
    public static (ModelAnalysis Analysis, bool PerFeature) Merge(IReadOnlyList<PartialAnalysis> parts, IReadOnlyList<string> files)
    {
        if (parts.Count == 0) throw Fail.InvalidArgument("PART", "none", "at least one partial JSON");
        var first = parts[0];
        var count = first.Shard.Count;
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            Same(files[p], "shard count", part.Shard.Count, count);
            Same(files[p], "model (SHA-256)", part.Analysis.Model.Sha256, first.Analysis.Model.Sha256);
            Same(files[p], "backend", part.Analysis.Backend, first.Analysis.Backend);
            Same(files[p], "--per-feature", part.PerFeature, first.PerFeature);
            Same(files[p], "analysis options", Json.Serialize(part.Analysis.Options with { Shard = ShardPlan.Whole, MemoryBudgetBytes = 0, MaxParallelism = 0 }),
                Json.Serialize(first.Analysis.Options with { Shard = ShardPlan.Whole, MemoryBudgetBytes = 0, MaxParallelism = 0 }));
            Same(files[p], "planned layers", string.Join("\n", part.Analysis.PlannedLayers ?? []), string.Join("\n", first.Analysis.PlannedLayers ?? []));
        }

        var indices = parts.Select(p => p.Shard.Index).OrderBy(i => i).ToList();
        if (!indices.SequenceEqual(Enumerable.Range(1, count)))
        {
            throw Fail.InvalidArgument("PART", string.Join(", ", parts.Select(p => p.Shard)), $"each of the shards 1/{count} … {count}/{count} exactly once");
        }

        var planned = first.Analysis.PlannedLayers ?? throw Fail.InvalidArgument("PART", files[0], "a partial JSON that lists its planned layers");
        var position = planned.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var layers = parts.SelectMany(p => p.Analysis.Layers).OrderBy(l => Position(position, l.Name)).ToList();
        var one = parts.Single(p => p.Shard.Index == 1).Analysis;
        var notFrames = one.Skipped.Where(s => !position.ContainsKey(s.Name));
        // Layers of the plan that a shard listed as skipped (degenerate) or failed, back in model order.
        var planSkipped = parts.SelectMany(p => p.Analysis.Skipped.Where(s => position.ContainsKey(s.Name))).OrderBy(s => position[s.Name]);
        var failed = parts.SelectMany(p => p.Analysis.Failed).OrderBy(f => Position(position, f.Name)).ToList();
        var options = first.Analysis.Options with { Shard = ShardPlan.Whole };
        var merged = new ModelAnalysis(first.Analysis.Model, first.Analysis.Backend, options, layers, notFrames.Concat(planSkipped).ToList(),
            parts.Sum(p => p.Analysis.Seconds))
        {
            Failed = failed,
            PlannedLayers = planned,
        };
        return (merged, first.PerFeature);
    }

    private static int Position(Dictionary<string, int> position, string name) =>
        position.TryGetValue(name, out var i) ? i : throw Fail.InvalidArgument("PART", name, "a layer listed in the parts' planned layers");

    private static void Same<T>(string file, string what, T value, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(value, expected))
        {
            throw Fail.InvalidArgument("PART", file, $"the same {what} as the first part ({expected}, found {value})");
        }
    }
}
