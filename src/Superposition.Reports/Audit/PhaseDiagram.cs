using Superposition.Reports.Baselines;
using Superposition.Reports.Charts;

namespace Superposition.Reports.Audit;

/// <summary>
/// The phase-diagram chart of a layer: its layer-matched toys across the sparsity sweep as a trajectory in the plane of
/// two signature statistics (the median of D_i·n/m against the coherence excess; ΣD/m is about 1 for every trained toy,
/// so it would not separate them), the layer as one point, its null models as others.
/// </summary>
internal static class PhaseDiagram
{
    /// <summary>The two statistics drawn (both enter the distance).</summary>
    public static (double X, double Y) Coordinates(LayerSignature s) => (s.MedianScaledD, Math.Log10(1 + s.CoherenceExcess));

    public static Chart? For(LayerPlacement placement, ToyTrajectory? trajectory)
    {
        if (trajectory is null) return null;
        var series = new List<ChartSeries>();
        foreach (var run in trajectory.Runs)
        {
            var xy = run.Select(p => Coordinates(p.Signature)).ToList();
            series.Add(new LineSeries($"toys {trajectory.Shape}, run {run[0].Run + 1} (p = 1 → {AuditReportBuilder.F(run[^1].FeatureProbability)})", xy.Select(c => c.X).ToList(), xy.Select(c => c.Y).ToList()) { Width = 1.0, Dashed = run[0].Run > 0, Color = ChartColor.Palette[0] });
            series.Add(new ScatterSeries(null, xy.Select(c => c.X).ToList(), xy.Select(c => c.Y).ToList()) { MarkerRadius = 1.6, Color = ChartColor.Palette[0] });
        }

        var dense = trajectory.Runs.Select(r => Coordinates(r[0].Signature)).ToList();
        series.Add(new ScatterSeries($"toys at p = {AuditReportBuilder.F(trajectory.Runs[0][0].FeatureProbability)} (dense end)", dense.Select(c => c.X).ToList(), dense.Select(c => c.Y).ToList()) { MarkerRadius = 3.0, Filled = false, Color = ChartColor.Palette[0] });
        var nulls = placement.Nulls.Shuffled.Select(Coordinates).ToList();
        series.Add(new ScatterSeries("shuffled nulls", nulls.Select(c => c.X).ToList(), nulls.Select(c => c.Y).ToList()) { MarkerRadius = 2.4, Filled = false, Color = ChartColor.Palette[2] });
        var gaussian = placement.Nulls.Gaussian.Select(Coordinates).ToList();
        series.Add(new ScatterSeries("Gaussian nulls", gaussian.Select(c => c.X).ToList(), gaussian.Select(c => c.Y).ToList()) { MarkerRadius = 2.4, Filled = false, Color = ChartColor.Palette[4] });
        var self = Coordinates(placement.Signature);
        series.Add(new ScatterSeries("this layer", [self.X], [self.Y]) { MarkerRadius = 3.4, Color = ChartColor.Palette[3] });
        return new Chart("Phase diagram: the layer among its toys", new Axis("median of D_i·n/m (1: tight, equal norms)"), new Axis("coherence excess, log10(1 + c)"), series);
    }
}
