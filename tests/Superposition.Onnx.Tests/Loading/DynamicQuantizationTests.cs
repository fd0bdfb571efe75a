using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>
/// Dynamic quantization: MatMulInteger/ConvInteger multiply integers and the weight scale is applied downstream,
/// Cast → Mul(·, x_scale · w_scale). The loader finds that scale so the frame is (q − zero point) · w_scale.
/// </summary>
public sealed class DynamicQuantizationTests
{
    [Fact]
    public void MatMulInteger_weight_takes_the_per_channel_scale_of_the_downstream_mul()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Raw("wq", DataType.Int8, [2, 3], [1, 2, 3, 4, 5, 6]))
            .Initializer(ModelBuilder.Raw("wz", DataType.Int8, [3], [0, 1, 2]))
            .Initializer(ModelBuilder.Float32("ws", [3], [0.5f, 0.25f, 2f]))
            .Node("DynamicQuantizeLinear", "dql", ["x"], ["xq", "xs", "xz"])
            .Node("MatMulInteger", "mmi", ["xq", "wq", "xz", "wz"], ["acc"])
            .Node("Cast", "cast", ["acc"], ["accf"], ModelBuilder.Int("to", 1))
            .Node("Mul", "scale_mul", ["xs", "ws"], ["s"])
            .Node("Mul", "out_mul", ["accf", "s"], ["y"]).ToBytes(), "dyn.onnx");
        var matrix = Assert.Single(model.Matrices);
        // Column j: (q − z_j) · s_j.
        Assert.Equal([0.5, 0.25, 2.0, 2.0, 1.0, 8.0], matrix.Tensor.ReadAll());
        Assert.Contains("applied downstream", matrix.Tensor.Decoding);
        Assert.Equal(6, model.ParameterCount);
    }

    [Fact]
    public void MatMulInteger_weight_takes_a_per_tensor_stored_scale_directly()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Raw("wq", DataType.Int8, [2, 2], [1, 2, 3, 4]))
            .Initializer(ModelBuilder.Float32("ws", [], [0.5f]))
            .Node("MatMulInteger", "mmi", ["xq", "wq"], ["acc"])
            .Node("Cast", "cast", ["acc"], ["accf"], ModelBuilder.Int("to", 1))
            .Node("Mul", "out_mul", ["ws", "accf"], ["y"]).ToBytes(), "dyn.onnx");
        Assert.Equal([0.5, 1.0, 1.5, 2.0], Assert.Single(model.Matrices).Tensor.ReadAll());
    }

    [Fact]
    public void ConvInteger_filter_takes_its_per_output_channel_scale()
    {
        // Two filters [2, 1, 1, 2]; output scale [1, 2, 1, 1] (one per output channel).
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Raw("wq", DataType.Int8, [2, 1, 1, 2], [1, 2, 3, 4]))
            .Initializer(ModelBuilder.Float32("ws", [1, 2, 1, 1], [10f, 100f]))
            .Node("ConvInteger", "ci", ["xq", "wq"], ["acc"])
            .Node("Cast", "cast", ["acc"], ["accf"], ModelBuilder.Int("to", 1))
            .Node("Mul", "out_mul", ["accf", "ws"], ["y"]).ToBytes(), "dyn.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal([10.0, 20.0, 300.0, 400.0], matrix.Tensor.ReadAll());
        Assert.Equal(("ConvInteger", 2, 2), (matrix.Op, matrix.Rows, matrix.Columns));
    }

    [Fact]
    public void MatMulInteger_without_a_downstream_scale_stays_in_integer_units_and_says_so()
    {
        var model = OnnxModelLoader.Load(new ModelBuilder()
            .Initializer(ModelBuilder.Raw("wq", DataType.Int8, [2, 2], [1, 2, 3, 4]))
            .Node("MatMulInteger", "mmi", ["xq", "wq"], ["acc"]).Node("Relu", "r", ["acc"], ["y"]).ToBytes(), "dyn.onnx");
        Assert.Contains("integer units", Assert.Single(model.Matrices).Tensor.Decoding);
    }
}
