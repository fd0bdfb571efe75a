using Superposition.Onnx.Orientation;

namespace Superposition.Onnx.Graph;

/// <summary>An operator set the model imports.</summary>
public sealed record OpsetImport(string Domain, long Version)
{
    public override string ToString() => (Domain.Length == 0 ? "ai.onnx" : Domain) + " " + Version;
}

/// <summary>
/// A loaded model: its header, every stored tensor, the weight matrices read from them, and the tensors that
/// are not frames with the reason for each.
/// </summary>
public sealed class OnnxModel
{
    internal OnnxModel(
        string path,
        long fileBytes,
        long irVersion,
        string producer,
        IReadOnlyList<OpsetImport> opsets,
        string graphName,
        int nodeCount,
        IReadOnlyList<WeightTensor> tensors,
        IReadOnlyList<WeightMatrix> matrices)
    {
        Path = path;
        FileBytes = fileBytes;
        IrVersion = irVersion;
        Producer = producer;
        Opsets = opsets;
        GraphName = graphName;
        NodeCount = nodeCount;
        Tensors = tensors;
        Matrices = matrices;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public long FileBytes { get; }

    public long IrVersion { get; }

    /// <summary>Producer name and version as the exporter wrote them, e.g. "pytorch 2.1.0".</summary>
    public string Producer { get; }

    public IReadOnlyList<OpsetImport> Opsets { get; }

    public string GraphName { get; }

    /// <summary>Nodes in the main graph and all subgraphs.</summary>
    public int NodeCount { get; }

    public IReadOnlyList<WeightTensor> Tensors { get; }

    public IReadOnlyList<WeightMatrix> Matrices { get; }

    /// <summary>The opset of the default (ai.onnx) domain, or 0 if the model does not import it.</summary>
    public long DefaultOpset => Opsets.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;

    /// <summary>
    /// Parameters in elements: the logical elements of every numeric weight tensor (float, or integer storage of
    /// quantized weights), leaving out integer shape/index tensors and quantization scales, zero points and group
    /// indices, so a 4-bit or int8 export counts the same parameters as its float original (docs/methods.md).
    /// </summary>
    public long ParameterCount => Tensors.Where(t => t.IsParameter).Sum(t => t.ElementCount);

    /// <summary>Tensors that yielded no frame, each with its reason.</summary>
    public IEnumerable<WeightTensor> NotFrames => Tensors.Where(t => t.NotAFrameReason is not null);
}
