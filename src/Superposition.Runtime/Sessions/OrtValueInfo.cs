using Superposition.Onnx.Graph;
namespace Superposition.Runtime;

/// <summary>
/// A session input or output as ORT reports it. For anything but a tensor, <see cref="ElementType"/> is
/// Undefined and <see cref="Shape"/> is empty.
/// </summary>
public sealed record OrtValueInfo(string Name, OrtValueKind Kind, OnnxDataType ElementType, IReadOnlyList<OrtDimension> Shape)
{
    /// <summary>True when the binding can feed or read this value (a tensor of a supported element type).</summary>
    public bool IsSupportedTensor => Kind == OrtValueKind.Tensor && OrtElementTypes.IsSupported(ElementType);

    public override string ToString() =>
        Kind == OrtValueKind.Tensor
            ? $"{Name}: {OrtElementTypes.Name(ElementType)}[{string.Join(",", Shape)}]"
            : $"{Name}: {Kind.ToString().ToLowerInvariant()}";
}
