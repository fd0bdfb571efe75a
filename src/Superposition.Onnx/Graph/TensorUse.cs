namespace Superposition.Onnx.Graph;

/// <summary>
/// A node that consumes a tensor. <see cref="Via"/> lists the pass-through nodes (Identity, Cast, Transpose,
/// DequantizeLinear) between the tensor and this node, so "weight → DequantizeLinear → MatMul" is one use;
/// <see cref="Transposed"/> is true when a 2-D Transpose on the way swaps the stored axes.
/// </summary>
public sealed record TensorUse(
    string Op,
    string NodeName,
    int InputIndex,
    string GraphPath,
    IReadOnlyList<string> Via,
    bool Transposed = false)
{
    /// <summary>The layer name shown to users: the node's name, qualified by the subgraph it sits in.</summary>
    public string Layer => GraphPath.Length == 0 ? NodeName : GraphPath + "/" + NodeName;
}
