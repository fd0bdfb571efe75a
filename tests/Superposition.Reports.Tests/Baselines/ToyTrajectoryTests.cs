using Superposition.Reports.Baselines;

namespace Superposition.Reports.Tests.Baselines;

public sealed class ToyTrajectoryTests
{
    private static readonly double[] Probabilities = [1, 0.3, 0.1, 0.03, 0.01];

    /// <summary>A trajectory whose only moving statistic is ΣD/m = 0.4·k at the k-th probability; two identical runs.</summary>
    private static ToyTrajectory Synthetic(double spread)
    {
        var histogram = new double[LayerSignature.ScaledDEdges.Count - 1];
        histogram[30] = 1;
        var shape = new ToyShape(8, 4);
        var runs = Enumerable.Range(0, 2).Select(r => (IReadOnlyList<TrajectoryPoint>)Probabilities
            .Select((p, k) => new TrajectoryPoint(r, p, 0.01, new LayerSignature(2, 0.4 * k, 0, 0, 0, 1, histogram))).ToList()).ToList();
        return new ToyTrajectory(new ShapeBaseline(shape, "test", []), runs, spread);
    }

    [Theory]
    [InlineData(2, 0.5)]
    [InlineData(0, 0.25)]
    [InlineData(3, 0.75)]
    public void A_signature_on_the_trajectory_is_placed_at_its_log_interpolated_probability(int k, double t)
    {
        var trajectory = Synthetic(spread: 0);
        var on = trajectory.Runs[0][k].Signature.Lerp(trajectory.Runs[0][k + 1].Signature, t);
        var fit = trajectory.Place(on);
        double expected = Math.Exp(Math.Log(Probabilities[k]) + (t * (Math.Log(Probabilities[k + 1]) - Math.Log(Probabilities[k]))));
        Assert.Equal(expected, fit.FeatureProbability, 12);
        Assert.Equal(0, fit.Distance, 12);
        Assert.Equal(expected, fit.Low, 12);   // no spread: the interval is the point
        Assert.Equal(expected, fit.High, 12);
    }

    [Fact]
    public void Interval_holds_every_probability_within_the_run_spread_of_the_best_distance()
    {
        // ΣD/m moves 0.4 per segment, 0.025 per sixteenth: a spread of 0.11 reaches four sixteenths either side (0.1), not five (0.125).
        var trajectory = Synthetic(spread: 0.11);
        var on = trajectory.Runs[0][2].Signature.Lerp(trajectory.Runs[0][3].Signature, 0.5);
        var fit = trajectory.Place(on);
        double P(double t) => Math.Exp(Math.Log(0.1) + (t * (Math.Log(0.03) - Math.Log(0.1))));
        Assert.Equal(P(0.25), fit.High, 9);
        Assert.Equal(P(0.75), fit.Low, 9);
    }

    [Fact]
    public void Beyond_the_sweep_the_nearest_end_is_named()
    {
        var trajectory = Synthetic(spread: 0);
        var denser = trajectory.Runs[0][0].Signature with { CapacityRatio = -1 };
        Assert.Equal(1.0, trajectory.Place(denser).FeatureProbability, 12);
        Assert.Equal(1.0, trajectory.Place(denser).Distance, 12);
    }
}
