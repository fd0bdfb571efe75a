using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Fuzz;

/// <summary>
/// The seed corpus: one small valid model per storage form the loader reads (raw, typed, external, sparse,
/// Constant, subgraph, quantized, half precision, recurrent). Written by code so that it can be regenerated
/// byte for byte; the fuzzer mutates these.
/// </summary>
public static class SeedCorpus
{
    /// <summary>The external data file every external seed points at, written beside the corpus.</summary>
    public const string ExternalFileName = "weights.bin";

    public static IReadOnlyList<(string Name, byte[] Bytes)> Models() =>
    [
        ("raw-matmul.onnx", RawMatMul()),
        ("typed-gemm.onnx", TypedGemm()),
        ("external-matmul.onnx", ExternalMatMul()),
        ("sparse-matmul.onnx", SparseMatMul()),
        ("constant-matmul.onnx", ConstantMatMul()),
        ("if-subgraph.onnx", IfSubgraph()),
        ("dequantize-per-axis.onnx", DequantizePerAxis()),
        ("qlinear-matmul.onnx", QLinearMatMul()),
        ("half-conv.onnx", HalfConv()),
        ("bf16-gather.onnx", BFloat16Gather()),
        ("lstm.onnx", Lstm()),
    ];

    /// <summary>Deterministic float32 values for the external file (4 KiB).</summary>
    public static byte[] ExternalBytes()
    {
        var values = Values(1024, 7);
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in Models()) File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    private static byte[] RawMatMul() => new ModelBuilder()
        .Initializer(ModelBuilder.Float32("w", [4, 6], Values(24, 1)))
        .Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes();

    private static byte[] TypedGemm()
    {
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float };
        tensor.Dims.AddRange([3, 5]);
        tensor.FloatData.AddRange(Values(15, 2));
        return new ModelBuilder().Initializer(tensor)
            .Node("Gemm", "fc", ["x", "w"], ["y"], ModelBuilder.Int("transB", 1)).ToBytes();
    }

    private static byte[] ExternalMatMul()
    {
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.AddRange([8, 16]);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = ExternalFileName });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = "512" });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = "512" });
        return new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes();
    }

    private static byte[] SparseMatMul()
    {
        var builder = new ModelBuilder().Node("MatMul", "mm", ["x", "w"], ["y"]);
        var sparse = new SparseTensorProto
        {
            Values = ModelBuilder.Float32("w", [3], [1f, -2f, 0.5f]),
            Indices = new TensorProto { Name = "w_idx", DataType = (int)DataType.Int64, Dims = { 3 }, Int64Data = { 0, 5, 11 } },
        };
        sparse.Dims.AddRange([3, 4]);
        builder.Graph.SparseInitializer.Add(sparse);
        return builder.ToBytes();
    }

    private static byte[] ConstantMatMul() => new ModelBuilder()
        .Node("Constant", "c", [], ["w"], ModelBuilder.Tensor("value", ModelBuilder.Float32("v", [5, 3], Values(15, 3))))
        .Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes();

    private static byte[] IfSubgraph()
    {
        var thenBranch = new GraphProto { Name = "then" };
        thenBranch.Initializer.Add(ModelBuilder.Float32("w_then", [4, 3], Values(12, 4)));
        thenBranch.Node.Add(new NodeProto { OpType = "MatMul", Name = "mm_then", Input = { "x", "w_then" }, Output = { "y_then" } });
        var elseBranch = new GraphProto { Name = "else" };
        elseBranch.Node.Add(new NodeProto { OpType = "Identity", Name = "id", Input = { "x" }, Output = { "y_else" } });
        return new ModelBuilder()
            .Node("If", "branch", ["cond"], ["y"], ModelBuilder.Subgraph("then_branch", thenBranch), ModelBuilder.Subgraph("else_branch", elseBranch))
            .ToBytes();
    }

    private static byte[] DequantizePerAxis()
    {
        var q = ModelBuilder.Raw("w_q", DataType.Int8, [3, 4], [1, 255, 7, 128, 0, 3, 250, 9, 12, 13, 200, 5]);
        var scale = ModelBuilder.Float32("w_scale", [4], [0.1f, 0.2f, 0.05f, 1f]);
        var zero = ModelBuilder.Raw("w_zero", DataType.Int8, [4], [0, 1, 255, 2]);
        return new ModelBuilder(13).Initializer(q).Initializer(scale).Initializer(zero)
            .Node("DequantizeLinear", "dq", ["w_q", "w_scale", "w_zero"], ["w"], ModelBuilder.Int("axis", 1))
            .Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes();
    }

    private static byte[] QLinearMatMul()
    {
        var b = ModelBuilder.Raw("b_q", DataType.Uint8, [2, 3], [10, 20, 30, 40, 50, 60]);
        var bScale = ModelBuilder.Float32("b_scale", [], [0.02f]);
        var bZero = ModelBuilder.Raw("b_zero", DataType.Uint8, [], [32]);
        return new ModelBuilder().Initializer(b).Initializer(bScale).Initializer(bZero)
            .Node("QLinearMatMul", "qmm", ["a", "a_scale", "a_zero", "b_q", "b_scale", "b_zero", "y_scale", "y_zero"], ["y"]).ToBytes();
    }

    private static byte[] HalfConv()
    {
        var values = Values(2 * 3 * 3 * 3, 5);
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (Half)values[i]);
        return new ModelBuilder().Initializer(ModelBuilder.Raw("k", DataType.Float16, [2, 3, 3, 3], bytes))
            .Node("Conv", "conv", ["x", "k"], ["y"]).ToBytes();
    }

    private static byte[] BFloat16Gather()
    {
        var values = Values(6 * 4, 6);
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (ushort)(BitConverter.SingleToUInt32Bits(values[i]) >> 16));
        return new ModelBuilder().Initializer(ModelBuilder.Raw("emb", DataType.Bfloat16, [6, 4], bytes))
            .Node("Gather", "lookup", ["emb", "ids"], ["y"]).ToBytes();
    }

    private static byte[] Lstm() => new ModelBuilder()
        .Initializer(ModelBuilder.Float32("W", [1, 8, 3], Values(24, 8)))
        .Initializer(ModelBuilder.Float32("R", [1, 8, 2], Values(16, 9)))
        .Node("LSTM", "lstm", ["x", "W", "R"], ["y"], ModelBuilder.Int("hidden_size", 2)).ToBytes();

    private static float[] Values(int count, int seed)
    {
        // A fixed linear congruential sequence: seeds must not depend on the runtime's Random implementation.
        var values = new float[count];
        uint state = (uint)seed * 2654435761u;
        for (int i = 0; i < count; i++)
        {
            state = (state * 1664525u) + 1013904223u;
            values[i] = ((state >> 8) / (float)(1 << 24)) - 0.5f;
        }

        return values;
    }
}
