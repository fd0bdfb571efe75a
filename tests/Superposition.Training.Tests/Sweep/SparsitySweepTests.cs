using Superposition.Training.Sweep;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Sweep;

public sealed class SparsitySweepTests
{
    private static TmsInstanceResult Instance(int index, double p, float[] w, int n) =>
        new(index, p, n, 2, 0, 0.01, [new LossPoint(0, 0.1)], w, new float[n], [new SeedOutcome(0, 0.01)]);

    private static SweepResult HandMade()
    {
        // Dense: two orthogonal unit features and three dead; sparse: a regular pentagon of unit features.
        float[] dense = [1, 0, 0, 0, 0, 0, 1, 0, 0, 0];
        var pent = new float[10];
        for (int i = 0; i < 5; i++)
        {
            pent[i] = (float)Math.Cos(2 * Math.PI * i / 5);
            pent[5 + i] = (float)Math.Sin(2 * Math.PI * i / 5);
        }

        var run = new TmsRunResult(TmsPresets.FiveTwo() with { FeatureProbabilities = [1.0, 0.05] }, [Instance(0, 1.0, dense, 5), Instance(1, 0.05, pent, 5)], TimeSpan.Zero);
        return SparsitySweep.FromRun(run);
    }

    [Fact]
    public void Rows_count_represented_features_and_dimensions_per_feature()
    {
        var sweep = HandMade();
        Assert.Equal(2, sweep.Rows[0].Represented);
        Assert.Equal(1.0, sweep.Rows[0].DimensionsPerFeature, 6); // m / ||W||_F^2 = 2 / 2
        Assert.Equal(5, sweep.Rows[1].Represented);
        Assert.Equal(0.4, sweep.Rows[1].DimensionsPerFeature, 6); // 2 / 5
        Assert.Equal(0.95, sweep.Rows[1].Sparsity, 12);
    }

    [Fact]
    public void Histogram_puts_pentagon_features_in_the_two_fifths_bin_and_orthogonal_ones_at_one()
    {
        string text = SparsitySweep.DimensionalityHistogram(HandMade());
        string[] lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("[0.3875,0.4125)", StringComparison.Ordinal) && l.Contains("    5 ", StringComparison.Ordinal) && l.EndsWith("2/5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[0.9875,1.0125)", StringComparison.Ordinal) && l.Contains("    2 ", StringComparison.Ordinal) && l.EndsWith("1", StringComparison.Ordinal));
        Assert.Contains("7 represented features", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_has_one_line_per_sparsity()
    {
        string table = SparsitySweep.Table(HandMade());
        Assert.Equal(2, table.Split('\n').Count(l => l.StartsWith("| 0 |", StringComparison.Ordinal) || l.StartsWith("| 1 |", StringComparison.Ordinal)));
        Assert.Contains("| 1 | 0.0500 | 0.9500 | 5 | 0.400 | 0.400 |", table, StringComparison.Ordinal);
    }
}
