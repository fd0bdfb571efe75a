using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.HeavyTail;

/// <summary>The table-free permutation behind the shuffle null, and the streamed null against a whole shuffled copy.</summary>
public sealed class EntryPermutationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(65_537)]
    [InlineData(300_000)]
    public void Every_position_is_hit_exactly_once(int count)
    {
        var permutation = new EntryPermutation(count, 7);
        var seen = new bool[count];
        for (long p = 0; p < count; p++)
        {
            var target = permutation[p];
            Assert.InRange(target, 0, count - 1);
            Assert.False(seen[target], $"π({p}) = {target} was already hit");
            seen[target] = true;
        }
    }

    [Fact]
    public void The_permutation_is_seeded_and_moves_almost_every_entry()
    {
        const int N = 10_000;
        var a = new EntryPermutation(N, 1);
        var b = new EntryPermutation(N, 1);
        var c = new EntryPermutation(N, 2);
        var fixedPoints = 0;
        var same = 0;
        for (long p = 0; p < N; p++)
        {
            Assert.Equal(a[p], b[p]);
            if (a[p] == p) fixedPoints++;
            if (a[p] == c[p]) same++;
        }

        // A uniform random permutation has on average 1 fixed point and agrees with another on 1 position (Poisson(1)):
        // more than 8 has probability below 1e-5.
        Assert.True(fixedPoints <= 8, $"{fixedPoints} fixed points");
        Assert.True(same <= 8, $"{same} positions agree between seeds 1 and 2");
    }

    /// <summary>
    /// Where position 0 goes, over 4000 seeds, in 10 cells of a 1000-entry array: a chi-square statistic on 9 degrees
    /// of freedom, below 27.9 (its 0.999 quantile) for a uniform map.
    /// </summary>
    [Fact]
    public void The_image_of_a_position_is_uniform_over_seeds()
    {
        var cells = new int[10];
        for (var seed = 0; seed < 4000; seed++) cells[new EntryPermutation(1000, seed)[0] / 100]++;
        var chiSquare = cells.Sum(o => (o - 400.0) * (o - 400.0) / 400.0);
        Assert.True(chiSquare < 27.9, $"chi-square {chiSquare:0.0} over cells [{string.Join(", ", cells)}]");
    }

    [Fact]
    public void Parallel_gathering_equals_the_entry_by_entry_permutation()
    {
        var weights = Enumerable.Range(0, 200_003).Select(i => (double)i).ToArray();
        var shuffled = EntryShuffle.Of(weights, 5);
        var permutation = new EntryPermutation(weights.Length, 5);
        for (long p = 0; p < weights.Length; p++) Assert.Equal(permutation[p], (long)shuffled[p]);
    }

    /// <summary>
    /// The batched positions (eight lanes at a time where AVX-512 is present, the rest entry by entry) are the
    /// permutation's own values, whatever the size (lanes left over, tiny domains with many cycle-walking steps) and
    /// wherever the batch starts.
    /// </summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(9, 1)]
    [InlineData(1000, 3)]
    [InlineData(65_537, 12_345)]
    [InlineData(589_824, 500_001)]
    [InlineData(2_055, 0)]
    [InlineData(4_100, 3)]
    [InlineData(147_456, 0)]
    public void Batched_positions_equal_the_entry_by_entry_permutation(int count, int start)
    {
        var permutation = new EntryPermutation(count, 11);
        var positions = new ulong[count - start];
        permutation.Positions(start, positions);
        for (var j = 0; j < positions.Length; j++) Assert.Equal(permutation[start + j], (long)positions[j]);
    }

    /// <summary>The streamed null (blocks gathered through the permutation) has the spectrum of the whole shuffled copy.</summary>
    [Theory]
    [InlineData(16, 3000, 3)]
    [InlineData(1500, 40, 4)]
    public void The_streamed_null_has_the_spectrum_of_the_shuffled_copy(int m, int n, int seed)
    {
        var input = TestFrames.Random(m, n, seed);
        var options = new AnalysisOptions();
        var result = FrameAnalyzer.Analyze(input, options, Backends.Managed).HeavyTail.Shuffle!;

        var copy = EntryShuffle.Of(input.Weights, options.HeavyTail.ShuffleSeed);
        var side = Math.Min(m, n);
        var gram = new double[side * side];
        for (var a = 0; a < side; a++)
        {
            for (var b = 0; b < side; b++)
            {
                double s = 0;
                if (n >= m)
                {
                    for (var i = 0; i < n; i++) s += copy[a + (i * m)] * copy[b + (i * m)];
                }
                else
                {
                    for (var k = 0; k < m; k++) s += copy[k + (a * m)] * copy[k + (b * m)];
                }

                gram[a + (b * side)] = s;
            }
        }

        var values = new double[side];
        Backends.Managed.SymmetricEigen(side, gram, values, computeVectors: false);
        Assert.Equal(values.Max(), result.ShuffledLambdaMax, 1e-9 * values.Max());
    }
}
