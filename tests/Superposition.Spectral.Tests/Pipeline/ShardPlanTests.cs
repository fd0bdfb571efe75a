using Superposition.Spectral.Pipeline;

namespace Superposition.Spectral.Tests.Pipeline;

/// <summary>The shard plan: every layer in exactly one shard, largest first to the least-loaded shard, the same every time.</summary>
public sealed class ShardPlanTests
{
    [Fact]
    public void Longest_processing_time_rule_on_a_hand_computed_case()
    {
        // Costs 7, 5, 4, 3, 1 on two shards: 7 → 1; 5 → 2; 4 → 2 (5 < 7); 3 → 1 (7 < 9); 1 → 2 (9 < 10).
        var owner = ShardPlan.Assign([7, 5, 4, 3, 1], 2);
        Assert.Equal([1, 2, 2, 1, 2], owner);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(10, 3)]
    [InlineData(50, 7)]
    public void Every_layer_lands_in_one_shard_and_loads_stay_within_the_largest_layer(int layers, int shards)
    {
        var random = new Random(layers * 31 + shards);
        var costs = Enumerable.Range(0, layers).Select(_ => Math.Pow(10, 3 * random.NextDouble())).ToArray();
        var owner = ShardPlan.Assign(costs, shards);

        Assert.Equal(owner, ShardPlan.Assign(costs, shards));
        Assert.All(owner, s => Assert.InRange(s, 1, shards));
        var loads = Enumerable.Range(1, shards).Select(s => costs.Where((_, i) => owner[i] == s).Sum()).ToArray();

        // LPT: the most loaded shard exceeds the least loaded by at most the largest single cost.
        Assert.True(loads.Max() - loads.Min() <= costs.Max() + 1e-9);
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    public void Parses_k_of_n(string text, int k, int n) => Assert.Equal(new ShardPlan(k, n), ShardPlan.Parse(text));

    [Fact]
    public void Layer_flops_count_the_dense_passes_and_the_pairs()
    {
        var coherence = new Superposition.Spectral.Measures.CoherenceOptions();

        // n = 100, m = 10, exact float64 pairs: 8 n m² + 10.3 m³ (9 m³ with vectors and 4/3 m³ without, Golub–Van Loan) + 2 m · n(n − 1)/2.
        Assert.Equal((8.0 * 100 * 100) + (10.3 * 1000) + (2.0 * 10 * 4950), LayerCost.Flops(100, 10, coherence), 6);
    }
}
