using Superposition.Reports.Content;
using Superposition.Spectral.Probes;

namespace Superposition.Reports.Audit;

public static partial class AuditReportBuilder
{
    /// <summary>The activation probe: what the layers' inputs look like when the model runs, next to the frames that read them.</summary>
    private static Section ProbeSection(ProbeReport probe)
    {
        var columns = new List<TableColumn>
        {
            new("tensor", RelativeWidth: 2.4),
            new("from", RelativeWidth: 1.2),
            new("samples × features", ColumnAlignment.Right, RelativeWidth: 1.4),
            new("decay β", ColumnAlignment.Right, RelativeWidth: 1.3),
            new("active", ColumnAlignment.Right),
            new("dead", ColumnAlignment.Right, "0", 0.7),
            new("read by: overlap k=4 (random)", RelativeWidth: 3.0),
        };
        var rows = probe.Tensors.Select(t => (IReadOnlyList<TableCell>)
        [
            t.Name,
            t.ProducedBy,
            $"{t.Samples} × {t.Features}",
            t.Decay.Succeeded ? $"{F(t.Decay.Exponent)} ± {F(t.Decay.StandardError)}" : "—",
            $"{t.Frequency.Mean:P0}",
            TableCell.Of(t.Frequency.DeadChannels),
            t.ReadBy.Count == 0 ? "—" : string.Join("; ", t.ReadBy.Select(r =>
                r.Overlaps.FirstOrDefault(o => o.K == 4) is { } o ? $"{r.Weight}: {F(o.Overlap)} ({F(o.RandomBaseline)})" : $"{r.Weight}: {r.Note}")),
        ]).ToList();
        var blocks = new List<Block>
        {
            Paragraph.Plain($"The model was run in {probe.Runtime} on {probe.Inputs}; each tensor below is the input of a weight-reading layer (or a value chosen with --tensors). "
                + "Decay β fits λ_k ∝ k^(−β) to the activation covariance spectrum; 'active' is the mean share of samples in which a channel is non-zero; "
                + "the overlap ‖U_kᵀ P_k‖²/k compares the top-k eigenvectors of the reading layer's frame operator with the top-k principal directions of the activations (1: the same subspace; random subspaces give k/d)."),
            new Table(columns, rows, "Activations measured by the probe."),
        };
        foreach (string skipped in probe.Skipped.Take(10)) blocks.Add(Paragraph.Plain("Not probed: " + skipped));
        return new Section("Activations (probe)", blocks);
    }
}
