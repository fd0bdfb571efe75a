using Superposition.Onnx.Loading;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// Follows a linear layer's output past what exporters put between the product and its consumers: the bias Add,
/// and for dynamic quantization the Cast and the scale Muls. The result is the value the layer really produces,
/// and the bias on the way (its name is usually the layer's name).
/// </summary>
internal static class OutputTrace
{
    private const int MaxHops = 6;

    /// <summary>The layer's output after bias and scale, and the stored bias added on the way (or null).</summary>
    public static (string Value, string? Bias) Follow(GraphWalker graph, NodeProto node)
    {
        if (node.Output.Count == 0) return ("", null);
        string value = node.Output[0];
        string? bias = null;
        if (node.OpType == "MatMulNBits" && node.Input.Count > 5 && node.Input[5].Length > 0) bias = node.Input[5];
        if (node.OpType == "Gemm" && node.Input.Count > 2 && node.Input[2].Length > 0) bias = node.Input[2];
        for (int hop = 0; hop < MaxHops; hop++)
        {
            var readers = graph.ReadersOf(value);
            if (readers.Count != 1) break;
            var next = readers[0].Node;
            if (next.Output.Count != 1) break;
            string? other = next.Input.Count == 2 ? next.Input[1 - readers[0].InputIndex] : null;
            bool step = next.OpType switch
            {
                "Cast" => true,
                "Mul" => other is not null && (graph.IsStored(other) || graph.ProducerOf(other)?.Node.OpType is "Mul" or "DynamicQuantizeLinear"),
                "Add" => bias is null && other is not null && graph.IsStored(other),
                _ => false,
            };
            if (!step) break;
            if (next.OpType == "Add") bias = other;
            value = next.Output[0];
        }

        return (value, bias);
    }
}
