using System.Globalization;
using System.Text;

namespace Superposition.Training.Mimo;

/// <summary>Markdown table of a MIMO study.</summary>
public static class MimoReport
{
    /// <summary>Relative error per (binding, N), the key cos² of each cell and of a larger key sample, against 1/d.</summary>
    public static string Table(MimoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var sb = new StringBuilder();
        sb.Append(Inv($"Computation in superposition: d = {o.Dimension}, shared MLP d -> {o.HiddenWidth} -> d, per-slot task y = ReLU(T x), T_ij ~ N(0, 1/d), x = U u with u ~ N(0, I_r), r = {(o.InputRank == 0 ? o.Dimension : o.InputRank)}.\n"));
        sb.Append(Inv($"AdamW lr {o.LearningRate}, batch {o.BatchSize}, {o.Steps} steps, seed {o.Seed}. Error = E||y_hat - y||^2 / E||y||^2 on {o.EvaluationSamples} held-out samples.\n"));
        sb.Append(Inv($"Expected key cos^2 of random keys: 1/d = {result.ExpectedCosineSquared:0.00000}.\n\n"));
        sb.Append("| binding | N | relative error | final train loss | mean cos^2 of its keys |\n|---|---:|---:|---:|---:|\n");
        foreach (var c in result.Cells)
        {
            string cos = double.IsNaN(c.KeyCosineSquared) ? "-" : c.KeyCosineSquared.ToString("0.00000", CultureInfo.InvariantCulture);
            sb.Append(Inv($"| {c.Binding} | {c.Slots} | {c.RelativeError:0.0000} | {c.FinalTrainLoss:0.00000} | {cos} |\n"));
        }

        sb.Append('\n');
        foreach (var (b, v) in result.SampledKeyCosineSquared)
            sb.Append(Inv($"{b}: mean cos^2 over {o.KeySampleForCosine} keys = {v:0.00000} (1/d = {result.ExpectedCosineSquared:0.00000}, ratio {v * o.Dimension:0.000})\n"));
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
