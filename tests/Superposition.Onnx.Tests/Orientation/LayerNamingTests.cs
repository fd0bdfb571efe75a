using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Orientation;

/// <summary>Readable layer names, block indices and roles are derived from the bias, the weight's name or the node path.</summary>
public sealed class LayerNamingTests
{
    [Fact]
    public void Bias_added_to_the_output_names_an_exporter_numbered_weight()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("927", [2, 2], [1, 2, 3, 4]))
            .Initializer(ModelBuilder.Float32("encoder.layer.3.attention.self.query.bias", [2], [0, 0]))
            .Node("MatMul", "MatMul_34", ["x", "927"], ["p"])
            .Node("Add", "Add_35", ["encoder.layer.3.attention.self.query.bias", "p"], ["y"]).ToBytes(), "n.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal(("927", "encoder.layer.3.attention.self.query", 3, "q"), (matrix.Name, matrix.ReadableName, matrix.BlockIndex, matrix.Role));
    }

    [Theory]
    [InlineData("/model/layers.2/mlp/down_proj/MatMul", "model.layers.2.mlp.down_proj", 2, "down")]
    [InlineData("/model/layers.11/self_attn/o_proj/MatMul", "model.layers.11.self_attn.o_proj", 11, "o")]
    [InlineData("/transformer/h.5/mlp/c_fc/MatMul", "transformer.h.5.mlp.c_fc", 5, "up")]
    [InlineData("/model/layers.0/mlp/gate_proj/MatMul", "model.layers.0.mlp.gate_proj", 0, "gate")]
    [InlineData("/encoder/layer.4/attention/self/value/MatMul", "encoder.layer.4.attention.self.value", 4, "v")]
    public void Node_name_path_names_the_layer_when_nothing_else_does(string node, string readable, int block, string role)
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("onnx::MatMul_1234", [2, 2], [1, 2, 3, 4]))
            .Node("MatMul", node, ["x", "onnx::MatMul_1234"], ["y"]).ToBytes(), "n.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal((readable, (int?)block, role), (matrix.ReadableName, matrix.BlockIndex, matrix.Role));
    }

    [Fact]
    public void Generated_names_stay_unnamed_rather_than_invented()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Float32("onnx::MatMul_77", [2, 2], [1, 2, 3, 4]))
            .Node("MatMul", "MatMul_3", ["x", "onnx::MatMul_77"], ["y"]).ToBytes(), "n.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal((null, null, null), (matrix.ReadableName, matrix.BlockIndex, matrix.Role));
    }
}
