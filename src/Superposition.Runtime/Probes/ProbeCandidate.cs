using Superposition.Onnx.Graph;
namespace Superposition.Runtime.Probes;

/// <summary>An intermediate value a probe can expose: the output of one node of the main graph.</summary>
/// <param name="Name">The value's name.</param>
/// <param name="OpType">The operator that produces it (MatMul, Relu, ...).</param>
/// <param name="NodeName">The producing node's name (may be empty).</param>
/// <param name="ElementType">Element type if the model declares it (value_info or graph output), else Undefined.</param>
public sealed record ProbeCandidate(string Name, string OpType, string NodeName, OnnxDataType ElementType);
