using Superposition.Reports.Charts;
using Superposition.Reports.Toy;

namespace Superposition.Reports.Tests.Toy;

public sealed class DimensionalityFigureTests
{
    private const string Csv = "instance,feature_probability,seed,feature,norm,dimensionality\n0,1,0,0,0.1,0.05\n5,0.25,0,3,1.0,0.5\n9,0.05,1,7,0.5,0.4\n";

    [Fact]
    public void Every_feature_is_drawn_in_one_norm_band_at_x_near_one_over_p()
    {
        var points = DimensionalityFigure.ReadCsv("f.csv", Csv);
        var chart = DimensionalityFigure.Build("t", points);
        var scatters = chart.Series.OfType<ScatterSeries>().ToArray();
        Assert.Equal(3, scatters.Sum(s => s.X.Count)); // no norm filter: all three features
        var all = scatters.SelectMany(s => s.X.Zip(s.Y)).OrderBy(q => q.First).ToArray();
        Assert.InRange(all[0].First, 1 * Math.Exp(-0.04), 1 * Math.Exp(0.04)); // jitter at most ±4 %
        Assert.InRange(all[2].First, 20 * Math.Exp(-0.04), 20 * Math.Exp(0.04));
        Assert.Equal([0.05, 0.5, 0.4], all.Select(q => q.Second));
    }

    [Fact]
    public void The_seven_fractions_are_drawn()
    {
        var lines = DimensionalityFigure.Build("t", []).Series.OfType<ReferenceLine>().Select(r => r.Value).ToArray();
        Assert.Equal(new[] { 1.0, 0.75, 2.0 / 3, 0.5, 4.0 / 9, 0.4, 0.375 }, lines);
    }

    [Fact]
    public void A_malformed_row_names_the_file_and_line()
    {
        var e = Assert.Throws<SuperpositionException>(() => DimensionalityFigure.ReadCsv("f.csv", Csv + "1,x,0,0,1,1\n"));
        Assert.Contains("f.csv line 5", e.Message);
    }
}
