using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Orientation;

/// <summary>The consuming op decides what rows and columns mean (MATH.md section 0), and frames read accordingly.</summary>
public sealed class FrameBuilderTests
{
    // A [2, 3] weight: rows r0 = (1, 2, 3), r1 = (4, 5, 6).
    private static readonly float[] TwoByThree = [1, 2, 3, 4, 5, 6];

    private static WeightMatrix Single(ModelBuilder builder) => Assert.Single(OnnxModelLoader.Load(builder.ToBytes(), "t.onnx").Matrices);

    [Fact]
    public void MatMul_weight_is_in_by_out_so_read_vectors_are_columns()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], TwoByThree)).Node("MatMul", "mm", ["x", "w"], ["y"]));
        Assert.Equal(FeatureAxis.Columns, matrix.ReadAxis);
        var read = matrix.Orient(OrientationChoice.Read);
        Assert.Equal((3, 2, "read"), (read.Features, read.Hidden, read.Label));
        var write = matrix.Orient(OrientationChoice.Write);
        Assert.Equal((2, 3, "write"), (write.Features, write.Hidden, write.Label));
        // Auto puts features on the larger side.
        Assert.Equal(FeatureAxis.Columns, matrix.Orient(OrientationChoice.Auto).FeatureAxis);
        // Read frame: output unit j reads column j = (w[0,j], w[1,j]); column-major m x n with m = 2.
        Assert.Equal([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], matrix.ReadFrame(FeatureAxis.Columns));
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], matrix.ReadFrame(FeatureAxis.Rows));
    }

    [Fact]
    public void Gemm_with_transB_stores_out_by_in()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], TwoByThree))
            .Node("Gemm", "fc", ["x", "w", "b"], ["y"], ModelBuilder.Int("transB", 1)));
        Assert.Equal(FeatureAxis.Rows, matrix.ReadAxis);
        Assert.Equal("output unit", matrix.RowRole);
    }

    [Fact]
    public void Transpose_before_MatMul_swaps_the_roles()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], TwoByThree))
            .Node("Transpose", "t", ["w"], ["wt"], ModelBuilder.Ints("perm", 1, 0))
            .Node("MatMul", "mm", ["x", "wt"], ["y"]));
        Assert.Equal("MatMul", matrix.Op);
        Assert.Equal(FeatureAxis.Rows, matrix.ReadAxis);
        Assert.Equal(["Transpose"], matrix.Use!.Via);
    }

    [Fact]
    public void Conv_kernel_is_a_frame_of_filters_over_input_channels_and_taps()
    {
        // [out=4, in=2, 3, 3] -> 4 filters in R^18.
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("k", [4, 2, 3, 3], new float[72])).Node("Conv", "conv", ["x", "k"], ["y"]));
        Assert.Equal((4, 18), (matrix.Rows, matrix.Columns));
        Assert.Equal(FeatureAxis.Rows, matrix.ReadAxis);
        Assert.Null(matrix.Note);
    }

    [Fact]
    public void Depthwise_conv_is_labelled_overcomplete_by_construction()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("k", [32, 1, 3, 3], new float[288]))
            .Node("Conv", "dw", ["x", "k"], ["y"], ModelBuilder.Int("group", 32)));
        Assert.Contains("depthwise", matrix.Note);
        Assert.Equal((32, 9), (matrix.Orient(OrientationChoice.Auto).Features, matrix.Orient(OrientationChoice.Auto).Hidden));
    }

    [Fact]
    public void ConvTranspose_kernel_rows_are_input_channels_writing_kernels()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("k", [3, 5, 2, 2], new float[60])).Node("ConvTranspose", "up", ["x", "k"], ["y"]));
        Assert.Equal((3, 20), (matrix.Rows, matrix.Columns));
        Assert.Equal(FeatureAxis.Columns, matrix.ReadAxis);
    }

    [Fact]
    public void Lstm_weights_split_per_direction_and_gate_in_onnx_gate_order()
    {
        // W [dirs=2, 4*hidden=4*2, in=3]: element value = its flat index, so offsets are checkable by hand.
        var values = Enumerable.Range(0, 48).Select(i => (float)i).ToArray();
        var model = OnnxModelLoader.Load(new ModelBuilder().Initializer(ModelBuilder.Float32("W", [2, 8, 3], values))
            .Node("LSTM", "lstm", ["x", "W", "R"], ["y"]).ToBytes(), "t.onnx");
        Assert.Equal(8, model.Matrices.Count);
        Assert.Equal(["direction 0, gate i", "direction 0, gate o", "direction 0, gate f", "direction 0, gate c"], model.Matrices.Take(4).Select(m => m.Slice));
        var gateF1 = model.Matrices[6]; // direction 1, gate f: rows 4..5 of direction 1 -> flat offset (8 + 4) * 3 = 36
        Assert.Equal("direction 1, gate f", gateF1.Slice);
        Assert.Equal((2, 3), (gateF1.Rows, gateF1.Columns));
        Assert.Equal([36.0, 37.0, 38.0, 39.0, 40.0, 41.0], gateF1.ReadFrame(FeatureAxis.Rows));
    }

    [Fact]
    public void Gather_table_is_an_embedding_of_tokens()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("emb", [10, 4], new float[40])).Node("Gather", "lookup", ["emb", "ids"], ["e"]));
        var frame = matrix.Orient(OrientationChoice.Auto);
        Assert.Equal((10, 4, "embedding"), (frame.Features, frame.Hidden, frame.Label));
    }

    [Fact]
    public void Einsum_plain_matmul_reads_the_contracted_label()
    {
        var inOut = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], TwoByThree))
            .Node("Einsum", "e", ["x", "w"], ["y"], ModelBuilder.Text("equation", "bij,jk->bik")));
        Assert.Equal(FeatureAxis.Columns, inOut.ReadAxis);
        var outIn = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], TwoByThree))
            .Node("Einsum", "e", ["x", "w"], ["y"], ModelBuilder.Text("equation", "bij,kj->bik")));
        Assert.Equal(FeatureAxis.Rows, outIn.ReadAxis);
    }

    [Fact]
    public void Batched_matmul_weight_becomes_one_frame_per_slice()
    {
        var values = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();
        var model = OnnxModelLoader.Load(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 2, 3], values)).Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes(), "t.onnx");
        Assert.Equal(2, model.Matrices.Count);
        Assert.Equal([6.0, 9.0, 7.0, 10.0, 8.0, 11.0], model.Matrices[1].ReadFrame(FeatureAxis.Columns));
    }

    [Fact]
    public void Biases_shapes_and_unused_tensors_are_not_frames_and_say_why()
    {
        var shape = new Superposition.Onnx.Proto.TensorProto { Name = "shape", DataType = 7, Dims = { 2 }, Int64Data = { 1, -1 } };
        var ids = new Superposition.Onnx.Proto.TensorProto { Name = "ids", DataType = 7, Dims = { 2, 2 }, Int64Data = { 1, 2, 3, 4 } };
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("bias", [3], [1, 2, 3]))
            .Initializer(shape).Initializer(ids)
            .Initializer(ModelBuilder.Float32("orphan", [2, 2], [1, 2, 3, 4]))
            .Node("Add", "add", ["x", "bias"], ["y"]).Node("Reshape", "r", ["y", "shape"], ["z"]).Node("Gather", "g", ["z", "ids"], ["o"]).ToBytes(), "t.onnx");
        Assert.Empty(model.Matrices);
        var reasons = model.Tensors.ToDictionary(t => t.Name, t => t.NotAFrameReason);
        Assert.Contains("1-D", reasons["bias"]);
        Assert.Contains("int64", reasons["shape"]);
        Assert.Contains("int64", reasons["ids"]);
        Assert.Contains("not read", reasons["orphan"]);
    }

    [Fact]
    public void Unknown_consumer_gives_a_generic_frame_with_a_note()
    {
        var matrix = Single(new ModelBuilder().Initializer(ModelBuilder.Float32("pos", [2, 3], TwoByThree)).Node("SomeCustomOp", "custom", ["x", "pos"], ["y"]));
        Assert.Null(matrix.ReadAxis);
        Assert.Contains("role unknown", matrix.Note);
        Assert.Equal("columns", matrix.Orient(OrientationChoice.Auto).Label);
        Assert.Contains("undefined", matrix.Orient(OrientationChoice.Read).Description);
    }
}
