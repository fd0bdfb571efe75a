using Superposition.Onnx.Loading;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx;

/// <summary>Entry point of the loader: ONNX file in, weight tensors and oriented weight matrices out.</summary>
public static class OnnxModelLoader
{
    /// <summary>Loads a model file; external data is resolved relative to its folder and read lazily.</summary>
    public static OnnxModel Load(string path, LoadOptions? options = null)
    {
        if (Directory.Exists(path)) throw Fail.InvalidModel(path, "is a directory; expected an .onnx file");
        if (!File.Exists(path)) throw Fail.InvalidModel(path, "file not found");
        if (new FileInfo(path).Length > Array.MaxLength)
        {
            // Protobuf messages cannot exceed 2 GiB, so such a file is not a valid model (large models keep weights external).
            throw Fail.InvalidModel(path, "is larger than 2 GiB; an ONNX model that large must keep its weights in external data files");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail.InvalidModel(path, "cannot be read: " + e.Message, e);
        }

        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        return FromProto(ModelFileReader.Parse(path, bytes), path, bytes.LongLength, directory, options ?? LoadOptions.Default);
    }

    /// <summary>Loads a model from bytes (external data, if any, is looked up in <paramref name="directory"/>).</summary>
    public static OnnxModel Load(byte[] bytes, string displayName, string? directory = null, LoadOptions? options = null) =>
        FromProto(ModelFileReader.Parse(displayName, bytes), displayName, bytes.LongLength, directory ?? Directory.GetCurrentDirectory(), options ?? LoadOptions.Default);

    /// <summary>
    /// Reads one serialized TensorProto on its own (e.g. an <c>input_0.pb</c> of the ONNX test data) with the same
    /// checks and decoders as a model's initializers; external data is resolved relative to <paramref name="file"/>'s folder.
    /// </summary>
    public static WeightTensor ReadTensor(TensorProto proto, string file)
    {
        ArgumentNullException.ThrowIfNull(proto);
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)) ?? ".";
        return new TensorFactory(file, directory, LoadOptions.Default).Create(proto, TensorSource.Initializer, "", proto.Name.Length > 0 ? proto.Name : "(unnamed)");
    }

    private static OnnxModel FromProto(ModelProto proto, string path, long fileBytes, string directory, LoadOptions options)
    {
        var walker = new GraphWalker(new TensorFactory(path, directory, options));
        walker.Walk(proto.Graph, "");
        var byName = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var tensor in walker.Tensors) byName.TryAdd(tensor.Name, tensor);

        var linker = new QuantizationLinker(walker, byName);
        var matrices = new List<WeightMatrix>();
        foreach (var tensor in walker.Tensors)
        {
            tensor.Uses = UseResolver.Resolve(walker, tensor.Name, tensor.Dims.Count);
            linker.Link(tensor);
        }

        foreach (var tensor in walker.Tensors)
        {
            matrices.AddRange(FrameBuilder.Build(tensor, walker));
        }

        LayerNaming.Name(matrices, walker);

        string producer = (proto.ProducerName + " " + proto.ProducerVersion).Trim();
        var opsets = proto.OpsetImport.Select(o => new OpsetImport(o.Domain, o.Version)).ToList();
        return new OnnxModel(path, fileBytes, proto.IrVersion, producer, opsets, proto.Graph.Name, walker.NodeCount, walker.Tensors, matrices);
    }
}
