using Superposition.Reports.Content;
using Superposition.Spectral.Measures;

namespace Superposition.Reports.Audit;

/// <summary>The report lines of the eigenspace grouping, its sensitivity, and WeightWatcher's MP fit and randomization.</summary>
public static partial class AuditReportBuilder
{
    /// <summary>The grouping used and the localized share under each grouping of the sensitivity table.</summary>
    internal static string GroupingLine(FrameAnalysis a)
    {
        var used = a.Grouping?.Description ?? $"fixed: consecutive eigenvalues within {F(a.Options.EigenspaceTolerance)}·λ_max";
        if (a.GroupingSensitivity is not { Count: > 0 } rows) return used;
        var shares = rows.Select(r => (r.Grouping == "gaps" ? "gaps" : $"fixed {F(r.Tolerance)}") + $" {r.LocalizedShare:P0}" + (r.Used ? " (used)" : ""));
        return $"{used}. Localized share by grouping: {string.Join(", ", shares)}";
    }

    /// <summary>The per-slice (WeightWatcher) conv line when it was computed.</summary>
    internal static IEnumerable<KeyValueItem> ConvSliceLines(Spectral.Pipeline.LayerAnalysis layer)
    {
        if (layer.ConvSlices is not { } c) yield break;
        var fit = c.PowerLaw;
        yield return new("WeightWatcher conv slices", fit.Succeeded
            ? $"{c.Slices} slices [{c.N} × {c.M}] × {F(c.NormFactor)}, pooled: α = {F(fit.Alpha)} ± {F(fit.Sigma)}, tail {fit.TailSize}{(fit.LowConfidence ? " (low confidence)" : "")}"
            : $"{c.Slices} slices [{c.N} × {c.M}] × {F(c.NormFactor)}, pooled: no power-law fit: {fit.Reason}");
    }

    /// <summary>"; MP fit …; shuffled …" when those were computed.</summary>
    internal static string HeavyTailNulls(FrameAnalysis a)
    {
        var parts = new List<string>();
        if (a.HeavyTail.MarchenkoPastur.Fit is { Succeeded: true } fit)
        {
            parts.Add($"MP fit to the density σ_mp {F(fit.SigmaMp)}, {fit.SpikeCount} spike(s) above λ+ + Tracy–Widom margin");
        }

        if (a.HeavyTail.Shuffle is { } shuffle)
        {
            parts.Add($"shuffled weights: Jensen–Shannon distance {F(shuffle.JensenShannonDistance)}"
                + (shuffle.CorrelationTraps is int traps ? $", {traps} correlation trap(s)" : "")
                + (shuffle.SinglePrecision ? " (null in float32)" : ""));
        }

        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }
}
