using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Tests.Shared;

/// <summary>Builds small ONNX models in tests, through the project's own schema.</summary>
internal sealed class ModelBuilder
{
    private readonly ModelProto _model = new()
    {
        IrVersion = 8,
        ProducerName = "superposition-tests",
        ProducerVersion = "1",
        Graph = new GraphProto { Name = "test" },
    };

    public ModelBuilder(long opset = 17) => _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });

    public GraphProto Graph => _model.Graph;

    public ModelProto Model => _model;

    /// <summary>A float32 tensor with row-major values in raw_data.</summary>
    public static TensorProto Float32(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    /// <summary>A tensor with the given element type and raw little-endian bytes.</summary>
    public static TensorProto Raw(string name, TensorProto.Types.DataType type, long[] dims, byte[] bytes)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    public ModelBuilder Initializer(TensorProto tensor)
    {
        _model.Graph.Initializer.Add(tensor);
        return this;
    }

    public ModelBuilder Node(string op, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _model.Graph.Node.Add(node);
        return this;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Tensor(string name, TensorProto value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = value };

    public static AttributeProto Subgraph(string name, GraphProto value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = value };

    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>Writes the model into <paramref name="folder"/> and returns its path.</summary>
    public string Save(string folder, string fileName = "model.onnx")
    {
        string path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, ToBytes());
        return path;
    }
}
