using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Dynamic quantization (ONNX Runtime's dynamic quantizer): <c>MatMulInteger</c>/<c>ConvInteger</c> multiply integers,
/// and the weight's scale is applied to the int32 product downstream, <c>Cast → Mul(·, x_scale · w_scale)</c>. Tracing
/// that Mul to its stored factor gives the weight scale, so the frame is in the model's real units.
/// </summary>
internal static class DynamicScale
{
    private const int MaxHops = 3;

    /// <summary>The weight scale and a description of where it was found, or null when the graph applies none.</summary>
    /// <remarks>The caller checks that the scale has one value or one per output channel.</remarks>
    public static (double[] Scales, string Path)? Trace(GraphWalker graph, IReadOnlyDictionary<string, WeightTensor> byName, GraphWalker.NodeSite site)
    {
        if (site.Node.Output.Count == 0) return null;
        string value = site.Node.Output[0];
        var path = new List<string>();
        for (int hop = 0; hop < MaxHops; hop++)
        {
            var readers = graph.ReadersOf(value);
            if (readers.Count != 1) return null; // a product read twice could be scaled differently on each path
            var reader = readers[0];
            path.Add($"{reader.Node.OpType} '{reader.NodeName}'");
            if (reader.Node.OpType == "Cast")
            {
                value = reader.Node.Output[0];
                continue;
            }

            if (reader.Node.OpType != "Mul" || reader.Node.Input.Count != 2) return null;
            string other = reader.Node.Input[1 - reader.InputIndex];
            var scale = Factor(graph, byName, other, out string how);
            if (scale is null) return null;
            MarkParameter(scale, $"weight scale applied after {site.Node.OpType}");
            return (scale.ReadAll(), string.Join(" → ", path) + how);
        }

        return null;
    }

    /// <summary>Marks a scale or zero point as quantization data: not a parameter of its own, never a frame.</summary>
    public static void MarkParameter(WeightTensor tensor, string what)
    {
        tensor.IsQuantizationParameter = true;
        tensor.Decoding = null;
        tensor.NotAFrameReason ??= what + " (quantization data, part of its weight's decoding)";
    }

    /// <summary>The stored factor of the scale operand: the operand itself, or the stored side of the Mul that computes x_scale · w_scale.</summary>
    private static WeightTensor? Factor(GraphWalker graph, IReadOnlyDictionary<string, WeightTensor> byName, string operand, out string how)
    {
        how = "";
        if (byName.TryGetValue(operand, out var direct) && direct.IsDecodable && direct.DataType.IsFloatingPoint()) return direct;
        var producer = graph.ProducerOf(operand);
        if (producer is null || producer.Node.OpType != "Mul" || producer.Node.Input.Count != 2) return null;
        var stored = producer.Node.Input.Where(byName.ContainsKey).ToList();
        if (stored.Count != 1) return null;
        var factor = byName[stored[0]];
        how = $" (factor '{factor.Name}' of Mul '{producer.NodeName}' = x_scale · w_scale)";
        return factor.IsDecodable && factor.DataType.IsFloatingPoint() ? factor : null;
    }
}
