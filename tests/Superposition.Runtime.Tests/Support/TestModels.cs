using Superposition.Onnx.Graph;
using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Runtime.Tests.Support;

/// <summary>Tiny ONNX models built in code (opset 17, IR 8), serialized to bytes.</summary>
internal static class TestModels
{
    /// <summary>Z = X + Y, float32 vectors of symbolic length "n".</summary>
    internal static byte[] Add()
    {
        var graph = new GraphProto { Name = "add" };
        graph.Node.Add(Node("Add", ["X", "Y"], ["Z"]));
        graph.Input.Add(Value("X", TensorProto.Types.DataType.Float, "n"));
        graph.Input.Add(Value("Y", TensorProto.Types.DataType.Float, "n"));
        graph.Output.Add(Value("Z", TensorProto.Types.DataType.Float, "n"));
        return Model(graph);
    }

    /// <summary>Y = X · W with W an initializer of shape [inputs, outputs]; X is [batch, inputs].</summary>
    internal static byte[] MatMul(float[] weights, int inputs, int outputs)
    {
        var graph = new GraphProto { Name = "matmul" };
        graph.Initializer.Add(Weights("W", weights, inputs, outputs));
        graph.Node.Add(Node("MatMul", ["X", "W"], ["Y"]));
        graph.Input.Add(Value("X", TensorProto.Types.DataType.Float, "batch", inputs));
        graph.Output.Add(Value("Y", TensorProto.Types.DataType.Float, "batch", outputs));
        return Model(graph);
    }

    /// <summary>
    /// Y = Relu(X · W1) · W2 with X [batch, inputs], hidden width <paramref name="hidden"/>; intermediate values
    /// "h" (MatMul) and "r" (Relu) carry no value_info, so ORT must infer their types when they are exposed.
    /// </summary>
    internal static byte[] TwoLayer(float[] w1, float[] w2, int inputs, int hidden, int outputs)
    {
        var graph = new GraphProto { Name = "two-layer" };
        graph.Initializer.Add(Weights("W1", w1, inputs, hidden));
        graph.Initializer.Add(Weights("W2", w2, hidden, outputs));
        graph.Node.Add(Node("MatMul", ["X", "W1"], ["h"]));
        graph.Node.Add(Node("Relu", ["h"], ["r"]));
        graph.Node.Add(Node("MatMul", ["r", "W2"], ["Y"]));
        graph.Node[2].Name = "matmul2";
        graph.Input.Add(Value("X", TensorProto.Types.DataType.Float, "batch", inputs));
        graph.Output.Add(Value("Y", TensorProto.Types.DataType.Float, "batch", outputs));
        return Model(graph);
    }

    /// <summary>Two outputs from one input: Neg = -X and Abs = |X| (float32, shape [2, 3]).</summary>
    internal static byte[] NegAbs()
    {
        var graph = new GraphProto { Name = "negabs" };
        graph.Node.Add(Node("Neg", ["X"], ["Neg"]));
        graph.Node.Add(Node("Abs", ["X"], ["Abs"]));
        graph.Input.Add(Value("X", TensorProto.Types.DataType.Float, 2, 3));
        graph.Output.Add(Value("Neg", TensorProto.Types.DataType.Float, 2, 3));
        graph.Output.Add(Value("Abs", TensorProto.Types.DataType.Float, 2, 3));
        return Model(graph);
    }

    /// <summary>Y = Identity(X) for the given element type and a dynamic shape of the given rank.</summary>
    internal static byte[] Identity(OnnxDataType type, int rank)
    {
        var graph = new GraphProto { Name = "identity" };
        graph.Node.Add(Node("Identity", ["X"], ["Y"]));
        var dims = Enumerable.Range(0, rank).Select(d => (object)$"d{d}").ToArray();
        graph.Input.Add(Value("X", (TensorProto.Types.DataType)type, dims));
        graph.Output.Add(Value("Y", (TensorProto.Types.DataType)type, dims));
        return Model(graph);
    }

    internal static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "superposition-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        return model.ToByteArray();
    }

    private static TensorProto Weights(string name, float[] values, int rows, int columns)
    {
        var w = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add([rows, columns]);
        w.FloatData.Add(values);
        return w;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = op.ToLowerInvariant() };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }

    /// <summary>A tensor value; each dim is an int (fixed) or a string (symbolic).</summary>
    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
