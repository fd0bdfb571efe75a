namespace Superposition.Runtime;

/// <summary>What an input or output holds, numbered as ORT's <c>ONNXType</c>. Only tensors can be run.</summary>
public enum OrtValueKind
{
    Unknown = 0,
    Tensor = 1,
    Sequence = 2,
    Map = 3,
    Opaque = 4,
    SparseTensor = 5,
    Optional = 6,
}
