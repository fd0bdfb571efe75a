using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Superposition.Training.Mimo;

/// <summary>Markdown table and JSON document of a MIMO study.</summary>
public static class MimoReport
{
    /// <summary>Accuracy per N with learned heads and with fixed key unbinding, throughput, and the key cosines against 1/F.</summary>
    public static string Table(MimoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var sb = new StringBuilder();
        sb.Append(Inv($"Computation in superposition (MIMONets-style): {o.Classes}-class Gaussian mixture in D = {o.InputDimension} (x = mu_c + {o.Noise} eps), learned first layer D -> F = {o.Width} (ReLU), trainable keys bound elementwise and bundled, shared network F -> {o.HiddenWidth} -> F, one learned head per slot.\n"));
        sb.Append(Inv($"Fixed unbinding: the same network read by sqrt(F) k_s (.) g and one shared classifier. Key regulariser rho = {o.KeyRegularization} towards unit norm and orthogonality; AdamW lr {o.LearningRate}, batch {o.BatchSize}, {o.Steps} steps, seed {o.Seed}{(o.DynamicSlots ? ", dynamic N (1..N occupied slots per step)" : string.Empty)}.\n"));
        sb.Append(Inv($"Accuracy over all slots of {o.EvaluationSamples} held-out bundles; chance 1/C = {result.ChanceAccuracy:0.000}; random keys have mean cos^2 = 1/F = {result.RandomKeyCosineSquared:0.0000}.\n\n"));
        sb.Append("| N | throughput | accuracy (learned heads) | drop vs N=1 | accuracy (fixed key unbinding) | mean cos^2 of learned keys | final loss |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        double baseAcc = result.Cells.FirstOrDefault(c => c.Slots == 1)?.Accuracy ?? double.NaN;
        foreach (var c in result.Cells)
        {
            string cos = double.IsNaN(c.KeyCosineSquared) ? "-" : c.KeyCosineSquared.ToString("0.00000", CultureInfo.InvariantCulture);
            string drop = double.IsNaN(baseAcc) ? "-" : Inv($"{100 * (baseAcc - c.Accuracy):0.0} points");
            sb.Append(Inv($"| {c.Slots} | {c.Slots}x | {c.Accuracy:0.0000} | {drop} | {c.FixedUnbindingAccuracy:0.0000} | {cos} | {c.FinalLoss:0.0000} |\n"));
        }

        return sb.ToString();
    }

    /// <summary>The document <c>toy mimo --json</c> writes: <c>{"results": [...]}</c>, one entry per N.</summary>
    public static MimoDocument Document(MimoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MimoDocument(result.Cells.Select(c => new MimoResultDocument(c.Slots, c.Accuracy, c.FixedUnbindingAccuracy, double.IsNaN(c.KeyCosineSquared) ? null : c.KeyCosineSquared)).ToList(), result.RandomKeyCosineSquared, result.ChanceAccuracy);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>JSON root of <c>toy mimo --json</c>.</summary>
public sealed record MimoDocument(IReadOnlyList<MimoResultDocument> Results, double RandomKeyCos2, double ChanceAccuracy);

/// <summary>One N; <see cref="KeyCos2"/> is null for N = 1 (no pair of keys).</summary>
public sealed record MimoResultDocument(int N, double Accuracy, double FixedUnbindingAccuracy, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? KeyCos2);
