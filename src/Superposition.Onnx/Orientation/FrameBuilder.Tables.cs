using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Orientation;

internal static partial class FrameBuilder
{
    /// <summary>
    /// A lookup table (Gather, GatherBlockQuantized) on its gather axis: its rows are tokens, each a feature vector in
    /// R^d, whatever the shape (token_type_embeddings [2, 384] is two tokens in R^384). A table also read as an output
    /// head (the tied embedding of GPT-2, T5) is analysed once, as the table, and says so.
    /// </summary>
    private static List<WeightMatrix>? Table(WeightTensor tensor, TensorUse use, NodeProto? node)
    {
        long axis = Attribute(node, use.Op == "Gather" ? "axis" : "gather_axis") ?? 0;
        if (axis < 0) axis += tensor.Dims.Count;
        if (axis != 0 || tensor.Dims.Count < 2) return null;
        long tokens = tensor.Dims[0], width = tensor.ElementCount / Math.Max(1, tokens);
        var head = tensor.Uses.FirstOrDefault(u => u != use && u.Op is "MatMul" or "Gemm" or "MatMulNBits" && IsWeightSlot(u));
        string? note = head is null ? null : $"tied embedding: the same table is the output head of {head.Op} '{head.Layer}'; analysed once, as the embedding";
        var matrix = Block(tensor, use, null, 0, "token", "embedding dimension", FeatureAxis.Columns, note, tokens, width);
        matrix.AutoAxis = FeatureAxis.Rows;
        matrix.TiedUse = head;
        return [matrix];
    }
}
