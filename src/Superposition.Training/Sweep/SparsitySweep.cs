using System.Globalization;
using System.Text;
using Superposition.Training.Geometry;
using Superposition.Training.Tms;

namespace Superposition.Training.Sweep;

/// <summary>
/// One row of the phase diagram: an instance's feature probability and what the trained W looks like.
/// <see cref="Represented"/> counts features with ‖w_i‖ &gt; <see cref="RepresentedThreshold"/>.
/// </summary>
public sealed record SweepRow(
    int Instance,
    double FeatureProbability,
    int Represented,
    double RepresentedThreshold,
    double DimensionsPerFeature,
    double TightnessResidual,
    double Loss,
    ulong Seed,
    IReadOnlyList<double> Norms,
    IReadOnlyList<double> Dimensionality)
{
    /// <summary>Sparsity S = 1 − p.</summary>
    public double Sparsity => 1.0 - FeatureProbability;
}

/// <summary>A sweep: the run behind it and one row per sparsity.</summary>
public sealed record SweepResult(TmsRunResult Run, IReadOnlyList<SweepRow> Rows);

/// <summary>Sparsity sweep → phase-diagram rows, a table, and the D_i histogram (MATH.md sections 2 and 7).</summary>
public static class SparsitySweep
{
    /// <summary>Rows of a finished run.</summary>
    public static SweepResult FromRun(TmsRunResult run, double representedThreshold = ToyGeometry.DefaultRepresentedThreshold)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = run.Instances.Select(r =>
        {
            var g = ToyGeometry.Of(r.W, r.Hidden, r.Features);
            return new SweepRow(r.Instance, r.FeatureProbability, g.Represented(representedThreshold), representedThreshold,
                g.DimensionsPerFeature, g.TightnessResidual, r.FinalLoss, r.Seed, g.Norms, g.Dimensionality);
        }).ToArray();
        return new SweepResult(run, rows);
    }

    /// <summary>Markdown table: one line per sparsity.</summary>
    public static string Table(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var o = sweep.Run.Options;
        var sb = new StringBuilder();
        double threshold = sweep.Rows.Count > 0 ? sweep.Rows[0].RepresentedThreshold : ToyGeometry.DefaultRepresentedThreshold;
        sb.Append(Inv($"Sparsity sweep {o.Name}: n={o.Features}, m={o.Hidden}, {o.Steps} steps, batch {o.BatchSize}, {o.Optimizer} lr {o.LearningRate} weight decay {o.WeightDecay}, init {o.Initialization} (std {o.InitialStd:G4}), seeds/instance {o.SeedsPerInstance} (lowest loss kept), base seed {o.Seed}.\n"));
        sb.Append(TmsPresets.IsNotebook(o)
            ? Inv($"Setup: the notebook's {o.Name} configuration exactly (Anthropic's toy-models notebook).\n")
            : "Setup: free settings (not the notebook's configuration).\n");
        sb.Append(Inv($"Represented: ||w_i|| > {threshold}. D* = m/||W||_F^2. D_i = ||w_i||^4 / sum_j (w_i.w_j)^2 (represented features only in the summary).\n\n"));
        sb.Append("| inst | p | S | represented | D* | mean D_i | min D_i | max D_i | tightness | loss | seed |\n");
        sb.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in sweep.Rows)
        {
            var rep = Enumerable.Range(0, r.Norms.Count).Where(i => r.Norms[i] > r.RepresentedThreshold).Select(i => r.Dimensionality[i]).ToArray();
            string mean = rep.Length > 0 ? rep.Average().ToString("0.000", CultureInfo.InvariantCulture) : "-";
            string min = rep.Length > 0 ? rep.Min().ToString("0.000", CultureInfo.InvariantCulture) : "-";
            string max = rep.Length > 0 ? rep.Max().ToString("0.000", CultureInfo.InvariantCulture) : "-";
            sb.Append(Inv($"| {r.Instance} | {r.FeatureProbability:0.0000} | {r.Sparsity:0.0000} | {r.Represented} | {r.DimensionsPerFeature:0.000} | {mean} | {min} | {max} | {r.TightnessResidual:0.0000} | {r.Loss:0.000000} | {r.Seed} |\n"));
        }

        return sb.ToString();
    }

    /// <summary>CSV with one line per (instance, feature): probability, norm, D_i.</summary>
    public static string FeatureCsv(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var sb = new StringBuilder("instance,feature_probability,seed,feature,norm,dimensionality\n");
        foreach (var r in sweep.Rows)
            for (int i = 0; i < r.Norms.Count; i++)
                sb.Append(Inv($"{r.Instance},{r.FeatureProbability:R},{r.Seed},{i},{r.Norms[i]:R},{r.Dimensionality[i]:R}\n"));
        return sb.ToString();
    }

    /// <summary>
    /// Text histogram of D_i over represented features of all instances: bins of width 1/bins centred on the multiples
    /// of 1/bins from 0 to 1 (so 1, 3/4, 1/2, 2/5, 3/8 sit at bin centres for 40 bins, not on edges), marking the bins
    /// that hold the polytope values 1, 3/4, 2/3, 1/2, 2/5, 3/8 (MATH.md section 7). D_i above 1 + 1/(2·bins) goes to the last bin.
    /// </summary>
    public static string DimensionalityHistogram(SweepResult sweep, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var counts = new int[bins + 1];
        int total = 0;
        foreach (var r in sweep.Rows)
            for (int i = 0; i < r.Norms.Count; i++)
            {
                if (r.Norms[i] <= r.RepresentedThreshold) continue;
                int b = Math.Clamp((int)Math.Round(r.Dimensionality[i] * bins, MidpointRounding.AwayFromZero), 0, bins);
                counts[b]++;
                total++;
            }

        double[] marks = [1.0, 0.75, 2.0 / 3, 0.5, 0.4, 0.375];
        string[] labels = ["1", "3/4", "2/3", "1/2", "2/5", "3/8"];
        int peak = Math.Max(1, counts.Max());
        var sb = new StringBuilder();
        var o = sweep.Run.Options;
        sb.Append(Inv($"D_i histogram, {o.Name} (n={o.Features}, m={o.Hidden}), {total} represented features (||w_i|| > {(sweep.Rows.Count > 0 ? sweep.Rows[0].RepresentedThreshold : 0.5)}) over {sweep.Rows.Count} sparsities, {bins + 1} bins of width {1.0 / bins} centred on k/{bins}\n"));
        for (int b = 0; b <= bins; b++)
        {
            double lo = (b - 0.5) / bins, hi = (b + 0.5) / bins;
            var hit = Enumerable.Range(0, marks.Length).Where(j => marks[j] >= lo && marks[j] < hi).Select(j => labels[j]);
            string bar = new('#', (int)Math.Round(60.0 * counts[b] / peak));
            sb.Append(Inv($"[{lo:0.0000},{hi:0.0000}) {counts[b],5} {bar}"));
            string mark = string.Join(",", hit);
            if (mark.Length > 0) sb.Append("  <- " + mark);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
