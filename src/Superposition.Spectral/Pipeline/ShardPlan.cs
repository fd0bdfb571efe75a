namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Which part of a model's layers one shard analyses (<c>analyze --shard k/N</c>). Layers are dealt largest first
/// (by estimated FLOPs, ties by model order) to the shard with the least work so far (ties: the lowest shard): the
/// longest-processing-time rule, deterministic, so every shard computes the same plan without talking to the others.
/// </summary>
/// <param name="Index">This shard, 1-based (k).</param>
/// <param name="Count">Number of shards (N).</param>
public sealed record ShardPlan(int Index, int Count)
{
    /// <summary>The whole model in one part.</summary>
    public static ShardPlan Whole { get; } = new(1, 1);

    /// <summary>Parses "k/N" with 1 ≤ k ≤ N.</summary>
    public static ShardPlan Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n >= 1 && k >= 1 && k <= n)
        {
            return new ShardPlan(k, n);
        }

        throw Fail.InvalidArgument("--shard", text, "k/N with 1 ≤ k ≤ N, e.g. 2/3");
    }

    /// <summary>Shard (1-based) of each layer, given each layer's estimated cost in model order.</summary>
    public static int[] Assign(IReadOnlyList<double> costs, int shards)
    {
        var owner = new int[costs.Count];
        var load = new double[shards];
        var order = Enumerable.Range(0, costs.Count).OrderByDescending(i => costs[i]).ThenBy(i => i);
        foreach (var i in order)
        {
            var best = 0;
            for (var s = 1; s < shards; s++)
            {
                if (load[s] < load[best]) best = s;
            }

            owner[i] = best + 1;
            load[best] += costs[i];
        }

        return owner;
    }

    public override string ToString() => $"{Index}/{Count}";
}
