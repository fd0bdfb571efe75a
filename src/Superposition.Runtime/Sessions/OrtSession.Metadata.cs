using Microsoft.ML.OnnxRuntime;
using Superposition.Onnx.Graph;

namespace Superposition.Runtime;

/// <summary>Reading the names, kinds, element types and shapes of a session's inputs and outputs.</summary>
public sealed partial class OrtSession
{
    private static OrtValueInfo[] Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. names.Select(name => Describe(name, metadata[name]))];

    private static OrtValueInfo Describe(string name, NodeMetadata node)
    {
        // ORT's OnnxValueType uses the numbers of its C enum ONNXType, which OrtValueKind copies.
        var kind = Enum.IsDefined((OrtValueKind)(int)node.OnnxValueType) ? (OrtValueKind)(int)node.OnnxValueType : OrtValueKind.Unknown;
        if (kind != OrtValueKind.Tensor)
        {
            return new OrtValueInfo(name, kind, OnnxDataType.Undefined, []);
        }

        var symbols = node.SymbolicDimensions ?? [];
        var shape = node.Dimensions
            .Select((size, d) => new OrtDimension(size < 0 ? -1 : size, d < symbols.Length ? symbols[d] ?? string.Empty : string.Empty))
            .ToArray();
        // TensorElementType carries the TensorProto.DataType numbers.
        return new OrtValueInfo(name, kind, (OnnxDataType)(int)node.ElementDataType, shape);
    }
}
