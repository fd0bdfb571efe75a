using Superposition.Onnx.Graph;
using Superposition.Spectral.Pipeline;

namespace Superposition.Cli.Output;

/// <summary>
/// An analysis with no layer at all is an error, not an empty table: the user learns which tensor's element type
/// stopped it, or that the model holds nothing that reads as a frame. Layers that failed are not "no layer": the run
/// goes on and ends with the partial-result exit code.
/// </summary>
internal static class AnalysisGuard
{
    public static void RequireLayers(OnnxModel model, ModelAnalysis analysis)
    {
        // An all-zero weight is a degenerate layer of a valid model (listed with its reason), not a reason to fail;
        // failed layers are reported by the partial-result exit code instead.
        if (analysis.Layers.Count > 0 || analysis.Failed.Count > 0 || analysis.Skipped.Any(s => s.Degenerate)) return;
        var undecodable = model.Tensors.FirstOrDefault(t => !t.DataType.IsDecodable() && t.Dims.Count >= 2 && t.Uses.Count > 0);
        if (undecodable is not null) throw Fail.UnsupportedDataType(model.Path, undecodable.Name, undecodable.DataType.Name());
        var reasons = analysis.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()} × {g.Key}");
        throw Fail.InvalidModel(model.Path, analysis.Skipped.Count == 0
            ? "holds no stored tensor to analyse"
            : "holds no weight matrix that could be analysed: " + string.Join("; ", reasons));
    }
}
