using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Orientation;

/// <summary>Only tensors consumed as weights are frames; the others are listed with their role as the reason.</summary>
public sealed class WeightRoleTests
{
    private static float[] Ramp(int count) => Enumerable.Range(1, count).Select(i => (float)i).ToArray();

    [Fact]
    public void Unit_axis_scale_bias_and_positional_tensors_are_skipped_with_their_role()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("channel_scale", [1, 4, 1, 1], Ramp(4)))
            .Initializer(ModelBuilder.Float32("unit", [1, 1, 1, 1], [2f]))
            .Initializer(ModelBuilder.Float32("position", [1, 3, 4], Ramp(12)))
            .Initializer(ModelBuilder.Float32("bound", [2, 2], Ramp(4)))
            .Node("Mul", "scale", ["x", "channel_scale"], ["a"])
            .Node("Mul", "unit_scale", ["a", "unit"], ["b"])
            .Node("Add", "add_position", ["b", "position"], ["c"])
            .Node("Max", "floor", ["c", "bound"], ["y"]).ToBytes(), "roles.onnx");
        Assert.Empty(model.Matrices);
        var reasons = model.Tensors.ToDictionary(t => t.Name, t => t.NotAFrameReason ?? "");
        Assert.Contains("scale", reasons["channel_scale"]);
        Assert.Contains("scale", reasons["unit"]);
        Assert.Contains("positional", reasons["position"]);
        Assert.Contains("elementwise", reasons["bound"]);
    }

    [Fact]
    public void Unit_axis_tensor_read_by_an_unknown_op_is_not_a_frame_in_one_dimension()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("v", [1, 8, 1], Ramp(8))).Node("SomeCustomOp", "c", ["x", "v"], ["y"]).ToBytes(), "u.onnx");
        Assert.Empty(model.Matrices);
        Assert.Contains("unit-axis", model.Tensors.Single().NotAFrameReason);
    }

    [Fact]
    public void Lstm_bias_and_initial_state_are_skipped_while_its_weights_are_frames()
    {
        const int Hidden = 2, Input = 3;
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("W", [1, 4 * Hidden, Input], Ramp(4 * Hidden * Input)))
            .Initializer(ModelBuilder.Float32("R", [1, 4 * Hidden, Hidden], Ramp(4 * Hidden * Hidden)))
            .Initializer(ModelBuilder.Float32("B", [1, 8 * Hidden], Ramp(8 * Hidden)))
            .Initializer(ModelBuilder.Float32("h0", [1, 1, Hidden], Ramp(Hidden)))
            .Node("LSTM", "lstm", ["x", "W", "R", "B", "", "h0"], ["y"], ModelBuilder.Int("hidden_size", Hidden)).ToBytes(), "lstm.onnx");
        Assert.Equal(8, model.Matrices.Count); // 4 gates of W and 4 of R
        Assert.Contains("recurrent bias", model.Tensors.Single(t => t.Name == "B").NotAFrameReason);
        Assert.Contains("initial state", model.Tensors.Single(t => t.Name == "h0").NotAFrameReason);
    }

    [Fact]
    public void Gather_table_rows_are_tokens_even_when_there_are_fewer_tokens_than_dimensions()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("token_type_embeddings", [2, 6], Ramp(12))).Node("Gather", "g", ["token_type_embeddings", "ids"], ["e"]).ToBytes(), "g.onnx");
        var frame = Assert.Single(model.Matrices).Orient(OrientationChoice.Auto);
        Assert.Equal((2, 6, FeatureAxis.Rows, "embedding"), (frame.Features, frame.Hidden, frame.FeatureAxis, frame.Label));
    }

    [Fact]
    public void Tied_embedding_read_by_gather_and_a_transposed_head_is_one_frame_noted_as_tied()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("wte", [10, 4], Ramp(40)))
            .Node("Gather", "embed", ["wte", "ids"], ["h"])
            .Node("Transpose", "wte_t", ["wte"], ["wte_T"], ModelBuilder.Ints("perm", 1, 0))
            .Node("MatMul", "lm_head", ["h", "wte_T"], ["logits"]).ToBytes(), "tied.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal("Gather", matrix.Op);
        Assert.Equal("MatMul", matrix.TiedUse?.Op);
        Assert.Contains("tied embedding", matrix.Note);
        Assert.Equal((10, 4), (matrix.Orient(OrientationChoice.Auto).Features, matrix.Orient(OrientationChoice.Auto).Hidden));
    }
}
