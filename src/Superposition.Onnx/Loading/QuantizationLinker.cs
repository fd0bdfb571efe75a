using System.Globalization;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Connects 8-bit weights to the scale and zero point the graph applies to them (DequantizeLinear,
/// QLinearMatMul, QLinearConv, MatMulInteger, ConvInteger) so they are analysed as the real numbers the
/// model computes with, and records the decoding used. Integers with no such link are reported raw.
/// </summary>
internal sealed class QuantizationLinker(GraphWalker graph, IReadOnlyDictionary<string, WeightTensor> byName)
{
    private readonly BlockQuantization _blocks = new(graph, byName);

    // (op, weight input, scale input or -1, zero-point input, default axis: -1 = last, else index).
    private static readonly (string Op, int Weight, int Scale, int ZeroPoint, int DefaultAxis)[] Sites =
    [
        ("DequantizeLinear", 0, 1, 2, 1),
        ("QLinearMatMul", 3, 4, 5, -1),
        ("QLinearConv", 3, 4, 5, 0),
        ("MatMulInteger", 1, -1, 3, -1),
        ("ConvInteger", 1, -1, 3, 0),
    ];

    public void Link(WeightTensor tensor)
    {
        if (!tensor.IsDecodable || tensor.IsQuantizationParameter) return;
        if (_blocks.TryLink(tensor)) return;
        if (!tensor.DataType.IsQuantizedStorage() && !tensor.DataType.IsFloat8()) return;
        foreach (var (op, weight, scale, zeroPoint, defaultAxis) in Sites)
        {
            var site = UseResolver.DirectReader(graph, tensor.Name, op, weight);
            if (site is null) continue;
            var node = site.Node;
            int rank = tensor.Dims.Count;
            int axis = defaultAxis < 0 ? rank - 1 : defaultAxis;
            var axisAttribute = node.Attribute.FirstOrDefault(a => a.Name == "axis");
            if (axisAttribute is not null) axis = (int)(axisAttribute.I < 0 ? axisAttribute.I + rank : axisAttribute.I);
            double[] scales = scale >= 0 ? Values(node, scale) ?? [double.NaN] : [1.0];
            string? traced = null;
            if (scale < 0 && DynamicScale.Trace(graph, byName, site) is { } dynamic)
            {
                // Dynamic quantization: the weight scale is applied to the integer product downstream (Cast → Mul).
                scales = dynamic.Scales;
                traced = dynamic.Path;
            }

            double[] zeros = Values(node, zeroPoint) ?? new double[scales.Length];
            if (scales.Any(double.IsNaN) || (scales.Length > 1 && (axis < 0 || axis >= rank || scales.Length != tensor.Dims[axis])) || zeros.Length != scales.Length)
            {
                tensor.NotAFrameReason = $"{op} '{site.NodeName}' has a scale or zero point the loader cannot match to the weight's axes";
                return;
            }

            tensor.DecodedData = new DequantizedTensorData(tensor.Data, scales, zeros, tensor.Dims, axis);
            string layout = scales.Length == 1
                ? string.Create(CultureInfo.InvariantCulture, $"per-tensor scale {scales[0]:G4}, zero point {zeros[0]:G4}")
                : $"per-axis along axis {axis} ({scales.Length} scales)";
            tensor.Decoding = scale >= 0
                ? $"dequantized (q − zero point) · scale by {op} '{site.NodeName}': {layout}"
                : traced is not null
                    ? $"dequantized (q − zero point) · scale: zero point from {op} '{site.NodeName}', weight scale applied downstream by {traced}: {layout}"
                    : $"zero point subtracted by {op} '{site.NodeName}', no scale in the graph (integer units): {layout}";
            return;
        }

        if (tensor.DataType.IsQuantizedStorage())
        {
            tensor.Decoding = $"raw {tensor.DataType.Name()} values: no scale or zero point found in the graph";
        }
    }

    private double[]? Values(NodeProto node, int input)
    {
        if (input >= node.Input.Count || node.Input[input].Length == 0) return null;
        if (!byName.TryGetValue(node.Input[input], out var tensor)) return [double.NaN];
        DynamicScale.MarkParameter(tensor, $"{(input == 2 || input == 3 || input == 5 ? "zero point" : "scale")} of {node.OpType}");
        return tensor.IsDecodable ? tensor.ReadAll() : [double.NaN];
    }
}
