using System.Globalization;
using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Training.Tms;

namespace Superposition.Training.Export;

/// <summary>
/// Writes a trained toy model as an ONNX graph through our own schema:
/// <c>x[batch,n] → MatMul(x, Transpose(W)) → h → MatMul(h, W[m,n]) → Add(b[n]) → Relu → y[batch,n]</c>.
/// W is stored once (column i = feature vector w_i), as a tied-weight export would store it, so the loader reads
/// one frame of n features in R^m. Initializers are float32 (data_type 1) little-endian raw_data; opset 17, IR 8.
/// The same trained numbers always give the same bytes (no timestamps, fixed field order).
/// </summary>
public static class TmsOnnxExporter
{
    /// <summary>Producer name written into every toy model.</summary>
    public const string ProducerName = "superposition";

    /// <summary>ONNX IR version written (8).</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset written (17).</summary>
    public const long Opset = 17;

    /// <summary>The model of one trained instance.</summary>
    public static ModelProto ToModel(TmsInstanceResult result, string setupName)
    {
        ArgumentNullException.ThrowIfNull(result);
        int n = result.Features, m = result.Hidden;
        var graph = new GraphProto
        {
            Name = $"tms_{setupName}_i{result.Instance:00}",
            DocString = Invariant($"Toy model of superposition {setupName}: n={n} features, m={m} hidden, feature probability {result.FeatureProbability:R}, seed {result.Seed}. W [m,n]: column i is feature vector w_i; the encoder reads it transposed."),
        };
        graph.Input.Add(TensorValue("x", n));
        graph.Output.Add(TensorValue("y", n));
        graph.Initializer.Add(Tensor("W", [m, n], [.. result.W], "frame: column i is feature vector w_i (hidden x features); h = x Wᵀ, y = h W + b"));
        graph.Initializer.Add(Tensor("b", [n], [.. result.Bias], "output bias"));
        var transpose = Node("Transpose", "W_transposed", ["W"], "W_t");
        transpose.Attribute.Add(new AttributeProto { Name = "perm", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 0 } });
        graph.Node.Add(transpose);
        graph.Node.Add(Node("MatMul", "encode", ["x", "W_t"], "h"));
        graph.Node.Add(Node("MatMul", "decode", ["h", "W"], "y_linear"));
        graph.Node.Add(Node("Add", "bias", ["y_linear", "b"], "y_pre"));
        graph.Node.Add(Node("Relu", "relu", ["y_pre"], "y"));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = "0.1.0",
            ModelVersion = 1,
            DocString = graph.DocString,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.setup", Value = setupName });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.instance", Value = result.Instance.ToString(CultureInfo.InvariantCulture) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.feature_probability", Value = result.FeatureProbability.ToString("R", CultureInfo.InvariantCulture) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.seed", Value = result.Seed.ToString(CultureInfo.InvariantCulture) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.final_loss", Value = result.FinalLoss.ToString("R", CultureInfo.InvariantCulture) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "superposition.frame", Value = "columns of W are the n features in R^m" });
        return model;
    }

    /// <summary>Serialized bytes of <see cref="ToModel"/>.</summary>
    public static byte[] ToBytes(TmsInstanceResult result, string setupName) => ToModel(result, setupName).ToByteArray();

    private static TensorProto Tensor(string name, long[] dims, float[] values, string doc)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(bytes), DocString = doc };
        t.Dims.Add(dims);
        return t;
    }

    private static ValueInfoProto TensorValue(string name, int n)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = n });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static NodeProto Node(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
