using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Orientation;

/// <summary>A projection whose output is cut by Split or by Slices is analysed part by part.</summary>
public sealed class FusedProjectionTests
{
    // W [2, 6] as [in, out]: output unit j reads column j = (j + 1, j + 7).
    private static readonly float[] Wide = Enumerable.Range(1, 12).Select(i => (float)i).ToArray();

    private static double[] Column(int j) => [Wide[j], Wide[6 + j]];

    [Fact]
    public void Split_after_the_bias_gives_q_k_v_frames_of_the_matching_columns()
    {
        var split = new Superposition.Onnx.Proto.TensorProto { Name = "sizes", DataType = 7, Dims = { 3 }, Int64Data = { 2, 2, 2 } };
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("c_attn.weight", [2, 6], Wide))
            .Initializer(ModelBuilder.Float32("h.0.attn.c_attn.bias", [6], new float[6]))
            .Initializer(split)
            .Node("MatMul", "mm", ["x", "c_attn.weight"], ["p"]).Node("Add", "add", ["p", "h.0.attn.c_attn.bias"], ["pb"])
            .Node("Split", "split", ["pb", "sizes"], ["q", "k", "v"], ModelBuilder.Int("axis", 2)).ToBytes(), "fused.onnx");
        Assert.Equal(["c_attn.weight[q]", "c_attn.weight[k]", "c_attn.weight[v]"], model.Matrices.Select(m => m.Name));
        for (int p = 0; p < 3; p++)
        {
            var part = model.Matrices[p];
            Assert.Equal((2, 2, FeatureAxis.Columns), (part.Rows, part.Columns, part.ReadAxis));
            Assert.Equal((double[])[.. Column(2 * p), .. Column((2 * p) + 1)], part.ReadFrame(FeatureAxis.Columns));
            Assert.Equal(new[] { "q", "k", "v" }[p], part.Role);
            Assert.Equal(0, part.BlockIndex);
        }

        Assert.Equal("h.0.attn.c_attn[k]", model.Matrices[1].ReadableName);
    }

    [Fact]
    public void Slices_on_the_last_axis_cut_a_gemm_transB_weight_into_row_blocks()
    {
        // Gemm transB = 1 stores [out, in] = [4, 3]: two Slices [0, 2) and [2, 4) of the output axis.
        static Superposition.Onnx.Proto.TensorProto Ints(string name, long value) => new() { Name = name, DataType = 7, Dims = { 1 }, Int64Data = { value } };
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("gate_up", [4, 3], Enumerable.Range(1, 12).Select(i => (float)i).ToArray()))
            .Initializer(Ints("s0", 0)).Initializer(Ints("e0", 2)).Initializer(Ints("s1", 2)).Initializer(Ints("e1", 4)).Initializer(Ints("ax", -1))
            .Node("Gemm", "fc", ["x", "gate_up"], ["h"], ModelBuilder.Int("transB", 1))
            .Node("Slice", "first", ["h", "s0", "e0", "ax"], ["gate"]).Node("Slice", "second", ["h", "s1", "e1", "ax"], ["up"]).ToBytes(), "gu.onnx");
        Assert.Equal(["gate_up[gate]", "gate_up[up]"], model.Matrices.Select(m => m.Name));
        Assert.Equal([7.0, 8, 9, 10, 11, 12], model.Matrices[1].ReadFrame(FeatureAxis.Rows));
        Assert.Equal(["gate", "up"], model.Matrices.Select(m => m.Role));
    }

    [Fact]
    public void Overlapping_slices_are_not_a_partition_and_leave_the_weight_whole()
    {
        static Superposition.Onnx.Proto.TensorProto Ints(string name, long value) => new() { Name = name, DataType = 7, Dims = { 1 }, Int64Data = { value } };
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("w", [2, 6], Wide))
            .Initializer(Ints("s0", 0)).Initializer(Ints("e0", 4)).Initializer(Ints("s1", 2)).Initializer(Ints("e1", 6)).Initializer(Ints("ax", -1))
            .Node("MatMul", "mm", ["x", "w"], ["h"])
            .Node("Slice", "a", ["h", "s0", "e0", "ax"], ["p"]).Node("Slice", "b", ["h", "s1", "e1", "ax"], ["q"]).ToBytes(), "o.onnx");
        Assert.Equal((2, 6), (Assert.Single(model.Matrices).Rows, model.Matrices[0].Columns));
    }
}
