using Superposition.Onnx.Loading;

namespace Superposition.Onnx.Graph;

/// <summary>
/// One stored tensor of a model (initializer, Constant node value or sparse initializer, in the main graph or
/// any subgraph), with the nodes that consume it. Its elements are decoded only when read.
/// </summary>
public sealed class WeightTensor
{
    private readonly TensorData? _data;

    internal WeightTensor(
        string name,
        OnnxDataType dataType,
        IReadOnlyList<long> dims,
        long elementCount,
        TensorStorage storage,
        TensorSource source,
        string graphPath,
        string? externalFile,
        TensorData? data,
        string modelFile)
    {
        ModelFile = modelFile;
        Name = name;
        DataType = dataType;
        Dims = dims;
        StoredDims = dims;
        ElementCount = elementCount;
        Storage = storage;
        Source = source;
        GraphPath = graphPath;
        ExternalFile = externalFile;
        _data = data;
    }

    public string Name { get; }

    /// <summary>The model file this tensor came from (named in every error about it).</summary>
    public string ModelFile { get; }

    public OnnxDataType DataType { get; }

    /// <summary>
    /// The logical shape the model computes with: the stored dims, except for block-quantized storage whose stored
    /// dims are packed bytes (MatMulNBits' <c>[N, K/block, block·bits/8]</c> is the weight <c>[N, K]</c>).
    /// </summary>
    public IReadOnlyList<long> Dims { get; internal set; }

    /// <summary>The dims as written in the file (equal to <see cref="Dims"/> unless the storage is packed).</summary>
    public IReadOnlyList<long> StoredDims { get; }

    /// <summary>Elements of the logical shape (a packed 4-bit weight counts its weights, not its bytes).</summary>
    public long ElementCount { get; internal set; }

    /// <summary>
    /// True for the scales, zero points and group indices of quantized weights: they belong to their weight's
    /// decoding, are not parameters of their own, and are never frames.
    /// </summary>
    public bool IsQuantizationParameter { get; internal set; }

    /// <summary>True for tensors counted in <see cref="OnnxModel.ParameterCount"/>: numeric weights, not shapes, indices or quantization data.</summary>
    public bool IsParameter => !IsQuantizationParameter && (DataType.IsFloatingPoint() || DataType.IsQuantizedStorage());

    public TensorStorage Storage { get; }

    public TensorSource Source { get; }

    /// <summary>"" for the main graph, else the subgraph path, e.g. "If_0.then_branch".</summary>
    public string GraphPath { get; }

    /// <summary>The external data file (relative to the model's folder), when <see cref="Storage"/> is External.</summary>
    public string? ExternalFile { get; }

    /// <summary>Nodes that consume this tensor, after following pass-through nodes.</summary>
    public IReadOnlyList<TensorUse> Uses { get; internal set; } = [];

    /// <summary>How stored values become real numbers, when that is not the identity (dequantization, raw integers).</summary>
    public string? Decoding { get; internal set; }

    /// <summary>Why no frame was built from this tensor (null when it yields one or more frames).</summary>
    public string? NotAFrameReason { get; internal set; }

    /// <summary>Storage as one word for listings: raw, typed, external, plus constant/sparse/subgraph.</summary>
    public string StorageLabel
    {
        get
        {
            var parts = new List<string>(3)
            {
                Storage switch
                {
                    TensorStorage.Raw => "raw",
                    TensorStorage.Typed => "typed",
                    _ => "external",
                },
            };
            if (Source == TensorSource.ConstantNode) parts.Add("constant");
            if (Source == TensorSource.SparseInitializer) parts.Add("sparse");
            if (GraphPath.Length > 0) parts.Add("subgraph");
            return string.Join('+', parts);
        }
    }

    /// <summary>Shape as printed: [120, 6625] (the logical shape; see <see cref="StoredShapeText"/>).</summary>
    public string ShapeText => "[" + string.Join(", ", Dims) + "]";

    /// <summary>The stored dims as printed.</summary>
    public string StoredShapeText => "[" + string.Join(", ", StoredDims) + "]";

    internal TensorData Data => _data ?? throw Fail.UnsupportedDataType(ModelFile, Name, DataType.Name());

    internal bool IsDecodable => _data is not null;

    /// <summary>Replaces how values are read (dequantization wraps the stored integers).</summary>
    internal TensorData? DecodedData { get; set; }

    /// <summary>Decodes elements <c>[offset, offset + destination.Length)</c>, dequantized when the graph says so.</summary>
    public void Read(long offset, Span<double> destination) => (DecodedData ?? Data).Read(offset, destination);

    /// <summary>Decodes every element (row-major, as stored).</summary>
    public double[] ReadAll()
    {
        if (ElementCount > Array.MaxLength) throw Fail.LayerTooLarge(Name, ElementCount * sizeof(double), (long)Array.MaxLength * sizeof(double));
        var values = new double[ElementCount];
        Read(0, values);
        return values;
    }
}
