using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>
/// No allocation is sized from what a file claims before the claim is checked against the bytes that back it:
/// impossible dims, lengths past the end of the file, fields repeated by the million and deep nesting each end
/// in one clear error (or a correct load), with allocations bounded by the file's size.
/// </summary>
public sealed class AllocationGuardTests
{
    private const long AllocationBound = 64L << 20;

    private static SuperpositionException LoadFails(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(bytes, "claims.onnx"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < AllocationBound, $"allocated {allocated} bytes for a {bytes.Length}-byte file");
        Assert.Contains("claims.onnx", error.Message);
        return error;
    }

    private static byte[] WithInitializer(TensorProto tensor) =>
        new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", tensor.Name], ["y"]).ToBytes();

    [Fact]
    public void Dims_whose_product_overflows_64_bits_are_an_error_naming_the_tensor()
    {
        var tensor = ModelBuilder.Float32("w_huge", [1L << 32, 1L << 32], [1f]);
        var error = LoadFails(WithInitializer(tensor));
        Assert.Equal(ErrorKind.InvalidModel, error.Kind);
        Assert.Contains("w_huge", error.Message);
        Assert.Contains("overflows", error.Message);
    }

    [Fact]
    public void Dims_whose_byte_count_overflows_are_an_error_not_a_wrapped_size()
    {
        var tensor = ModelBuilder.Float32("w_bytes", [1L << 62], [1f]);
        var error = LoadFails(WithInitializer(tensor));
        Assert.Contains("w_bytes", error.Message);
        Assert.Contains("64 bits", error.Message);
    }

    [Fact]
    public void Dims_claiming_more_than_the_raw_bytes_hold_are_refused_before_decoding()
    {
        var tensor = ModelBuilder.Float32("w_claim", [1L << 20, 1L << 20], [1f, 2f]);
        var error = LoadFails(WithInitializer(tensor));
        Assert.Contains("w_claim", error.Message);
        Assert.Contains("raw_data holds 8 bytes", error.Message);
    }

    [Theory]
    [InlineData(1L << 40, "raw_data holds 0 bytes")] // protobuf reads lengths as 32 bits: 2^40 arrives as 0
    [InlineData(int.MaxValue, "truncated")]
    [InlineData(1L << 31, "truncated")]
    public void Raw_data_length_claims_with_no_bytes_behind_them_are_refused_before_allocating(long claimed, string expected)
    {
        // The tensor's raw_data field says `claimed` bytes follow; none do. The parser must refuse, not allocate.
        var tensor = new TensorProto { Name = "w_len", DataType = (int)DataType.Float, Dims = { 4 } };
        byte[] tensorBytes = [.. tensor.ToByteArray(), 0x4a, .. Varint(claimed)];
        byte[] graphBytes = [0x2a, .. Varint(tensorBytes.Length), .. tensorBytes];
        var header = new ModelBuilder().Model.Clone();
        header.Graph = null;
        byte[] model = [.. header.ToByteArray(), 0x3a, .. Varint(graphBytes.Length), .. graphBytes];
        var error = LoadFails(model);
        Assert.Equal(ErrorKind.InvalidModel, error.Kind);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_million_repeated_dims_load_or_fail_cleanly_without_a_huge_allocation()
    {
        var tensor = ModelBuilder.Float32("w_rank", Enumerable.Repeat(1L, 1_000_000).ToArray(), [3f]);
        byte[] bytes = WithInitializer(tensor);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var model = OnnxModelLoader.Load(bytes, "rank.onnx");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1, model.Tensors.Single().ElementCount);
        Assert.True(allocated < 200L * bytes.Length, $"allocated {allocated} bytes for a {bytes.Length}-byte file");
    }

    [Fact]
    public void A_node_with_a_million_inputs_is_walked_in_linear_memory()
    {
        var builder = new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], new float[6]));
        builder.Node("Concat", "wide", [.. Enumerable.Repeat("w", 1_000_000)], ["y"]);
        byte[] bytes = builder.ToBytes();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var model = OnnxModelLoader.Load(bytes, "wide.onnx");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Single(model.Tensors);
        Assert.True(allocated < 200L * bytes.Length, $"allocated {allocated} bytes for a {bytes.Length}-byte file");
    }

    [Fact]
    public void Subgraphs_nested_deeper_than_the_parser_limit_are_one_clear_error()
    {
        var inner = new GraphProto { Name = "g0" };
        for (int depth = 1; depth < 200; depth++)
        {
            var outer = new GraphProto { Name = "g" + depth };
            outer.Node.Add(new NodeProto { OpType = "If", Name = "if" + depth, Input = { "c" }, Output = { "y" }, Attribute = { ModelBuilder.Subgraph("then_branch", inner) } });
            inner = outer;
        }

        var model = new ModelBuilder();
        model.Model.Graph = inner;
        var error = LoadFails(model.ToBytes());
        Assert.Equal(ErrorKind.InvalidModel, error.Kind);
        Assert.Contains("nest", error.Message);
    }

    [Fact]
    public void Sparse_tensor_whose_dense_shape_exceeds_an_array_is_refused_with_the_budget_error()
    {
        var builder = new ModelBuilder().Node("MatMul", "mm", ["x", "w_sparse"], ["y"]);
        var sparse = new SparseTensorProto
        {
            Values = ModelBuilder.Float32("w_sparse", [2], [1f, 2f]),
            Indices = new TensorProto { Name = "i", DataType = (int)DataType.Int64, Dims = { 2 }, Int64Data = { 0, 7 } },
        };
        sparse.Dims.AddRange([1L << 31, 1L << 31]);
        builder.Graph.SparseInitializer.Add(sparse);
        var error = Assert.Throws<SuperpositionException>(() =>
        {
            var model = OnnxModelLoader.Load(builder.ToBytes(), "sparse.onnx");
            foreach (var matrix in model.Matrices) matrix.ReadFrame(matrix.Orient(Superposition.Onnx.Orientation.OrientationChoice.Auto).FeatureAxis);
        });
        Assert.Equal(ErrorKind.LayerTooLarge, error.Kind);
        Assert.Contains("w_sparse", error.Message);
    }

    private static byte[] Varint(long value)
    {
        var bytes = new List<byte>();
        ulong v = (ulong)value;
        do
        {
            byte b = (byte)(v & 0x7f);
            v >>= 7;
            bytes.Add(v == 0 ? b : (byte)(b | 0x80));
        }
        while (v != 0);
        return [.. bytes];
    }
}
