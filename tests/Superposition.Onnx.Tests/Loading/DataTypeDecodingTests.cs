using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>Every supported element type decodes from raw_data and from the typed fields to hand-known values.</summary>
public sealed class DataTypeDecodingTests
{
    private static double[] LoadOnly(TensorProto tensor)
    {
        var builder = new ModelBuilder().Initializer(tensor)
            .Node("MatMul", "mm", ["x", tensor.Name], ["y"]);
        var model = OnnxModelLoader.Load(builder.ToBytes(), "test.onnx");
        return model.Tensors.Single(t => t.Name == tensor.Name).ReadAll();
    }

    [Fact]
    public void Float32_raw_decodes_little_endian_values()
    {
        var values = LoadOnly(ModelBuilder.Float32("w", [2, 2], [1.5f, -2f, 0.25f, 3e-5f]));
        Assert.Equal([1.5, -2.0, 0.25, (double)3e-5f], values);
    }

    [Fact]
    public void Float16_raw_decodes_half_bit_patterns()
    {
        // 0x3C00 = 1.0, 0xC000 = -2.0, 0x3555 = 0.333251953125, 0x7BFF = 65504 (largest half).
        byte[] bytes = [0x00, 0x3C, 0x00, 0xC0, 0x55, 0x35, 0xFF, 0x7B];
        var values = LoadOnly(ModelBuilder.Raw("w", DataType.Float16, [2, 2], bytes));
        Assert.Equal([1.0, -2.0, 0.333251953125, 65504.0], values);
    }

    [Fact]
    public void BFloat16_raw_decodes_upper_half_of_float32()
    {
        // 0x3F80 = 1.0, 0x4049 = 3.140625, 0xBF00 = -0.5, 0x0000 = 0.
        byte[] bytes = [0x80, 0x3F, 0x49, 0x40, 0x00, 0xBF, 0x00, 0x00];
        var values = LoadOnly(ModelBuilder.Raw("w", DataType.Bfloat16, [2, 2], bytes));
        Assert.Equal([1.0, 3.140625, -0.5, 0.0], values);
    }

    [Fact]
    public void Float64_raw_keeps_full_precision()
    {
        double[] expected = [Math.PI, -1e-300, 1e300, 0.1];
        var bytes = new byte[32];
        Buffer.BlockCopy(expected, 0, bytes, 0, 32);
        Assert.Equal(expected, LoadOnly(ModelBuilder.Raw("w", DataType.Double, [2, 2], bytes)));
    }

    [Fact]
    public void Typed_fields_decode_for_every_type()
    {
        var f32 = new TensorProto { Name = "f32", DataType = (int)DataType.Float, Dims = { 1, 2 }, FloatData = { 0.5f, -4f } };
        Assert.Equal([0.5, -4.0], LoadOnly(f32));

        var f64 = new TensorProto { Name = "f64", DataType = (int)DataType.Double, Dims = { 1, 2 }, DoubleData = { 0.1, -0.2 } };
        Assert.Equal([0.1, -0.2], LoadOnly(f64));

        // float16 and bfloat16 travel as bit patterns in int32_data.
        var f16 = new TensorProto { Name = "f16", DataType = (int)DataType.Float16, Dims = { 1, 2 }, Int32Data = { 0x3C00, 0xC000 } };
        Assert.Equal([1.0, -2.0], LoadOnly(f16));
        var bf16 = new TensorProto { Name = "bf16", DataType = (int)DataType.Bfloat16, Dims = { 1, 2 }, Int32Data = { 0x3F80, 0xBF00 } };
        Assert.Equal([1.0, -0.5], LoadOnly(bf16));

        var i8 = new TensorProto { Name = "i8", DataType = (int)DataType.Int8, Dims = { 1, 3 }, Int32Data = { -128, 0, 127 } };
        Assert.Equal([-128.0, 0.0, 127.0], LoadOnly(i8));
        var u8 = new TensorProto { Name = "u8", DataType = (int)DataType.Uint8, Dims = { 1, 2 }, Int32Data = { 0, 255 } };
        Assert.Equal([0.0, 255.0], LoadOnly(u8));
        var i64 = new TensorProto { Name = "i64", DataType = (int)DataType.Int64, Dims = { 1, 2 }, Int64Data = { -5, 1L << 40 } };
        Assert.Equal([-5.0, 1099511627776.0], LoadOnly(i64));
    }

    [Fact]
    public void Int8_raw_decodes_twos_complement()
    {
        Assert.Equal([-1.0, -128.0, 127.0, 5.0], LoadOnly(ModelBuilder.Raw("w", DataType.Int8, [2, 2], [0xFF, 0x80, 0x7F, 0x05])));
    }

    [Fact]
    public void DequantizeLinear_per_tensor_applies_scale_and_zero_point()
    {
        var q = ModelBuilder.Raw("wq", DataType.Uint8, [2, 2], [10, 12, 8, 250]);
        var scale = ModelBuilder.Float32("s", [], [0.5f]);
        var zero = ModelBuilder.Raw("z", DataType.Uint8, [], [10]);
        var builder = new ModelBuilder().Initializer(q).Initializer(scale).Initializer(zero)
            .Node("DequantizeLinear", "dq", ["wq", "s", "z"], ["w"])
            .Node("MatMul", "mm", ["x", "w"], ["y"]);
        var model = OnnxModelLoader.Load(builder.ToBytes(), "q.onnx");
        var tensor = model.Tensors.Single(t => t.Name == "wq");
        // (q - 10) * 0.5
        Assert.Equal([0.0, 1.0, -1.0, 120.0], tensor.ReadAll());
        Assert.Contains("dequantized", tensor.Decoding);
        Assert.Equal("MatMul", model.Matrices.Single().Op);
    }

    [Fact]
    public void DequantizeLinear_per_axis_uses_one_scale_per_column()
    {
        // Weight [2, 3] quantized along axis 1: scales 1, 2, 4; zero points 0, 1, 2.
        var q = ModelBuilder.Raw("wq", DataType.Int8, [2, 3], [1, 2, 3, 4, 5, 6]);
        var scale = ModelBuilder.Float32("s", [3], [1f, 2f, 4f]);
        var zero = ModelBuilder.Raw("z", DataType.Int8, [3], [0, 1, 2]);
        var builder = new ModelBuilder().Initializer(q).Initializer(scale).Initializer(zero)
            .Node("DequantizeLinear", "dq", ["wq", "s", "z"], ["w"], ModelBuilder.Int("axis", 1))
            .Node("MatMul", "mm", ["x", "w"], ["y"]);
        var tensor = OnnxModelLoader.Load(builder.ToBytes(), "q.onnx").Tensors.Single(t => t.Name == "wq");
        Assert.Equal([1.0, 2.0, 4.0, 4.0, 8.0, 16.0], tensor.ReadAll());
        Assert.Contains("per-axis", tensor.Decoding);
    }

    [Fact]
    public void Int8_weight_without_scale_is_reported_raw_with_a_note()
    {
        var builder = new ModelBuilder().Initializer(ModelBuilder.Raw("wq", DataType.Int8, [2, 2], [1, 2, 3, 4]))
            .Node("MatMulInteger", "mmi", ["x", "wq"], ["y"]);
        var model = OnnxModelLoader.Load(builder.ToBytes(), "q.onnx");
        var tensor = model.Tensors.Single();
        Assert.Equal([1.0, 2.0, 3.0, 4.0], tensor.ReadAll());
        Assert.NotNull(tensor.Decoding);
        Assert.Single(model.Matrices);
    }

    [Fact]
    public void Unsupported_type_is_listed_with_a_reason_and_reading_it_names_file_and_tensor()
    {
        // float4e2m1 (IR 11) is not decoded: the tensor is listed with the reason, and reading it names file and tensor.
        var tensor = new TensorProto { Name = "f8", DataType = (int)DataType.Float4E2M1, Dims = { 2, 2 }, RawData = ByteString.CopyFrom(new byte[2]) };
        var builder = new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "f8"], ["y"]);
        var model = OnnxModelLoader.Load(builder.ToBytes(), "f8.onnx");
        var listed = model.Tensors.Single();
        Assert.Empty(model.Matrices);
        Assert.Contains("float4e2m1", listed.NotAFrameReason);
        var error = Assert.Throws<SuperpositionException>(() => listed.ReadAll());
        Assert.Equal(ErrorKind.UnsupportedDataType, error.Kind);
        Assert.Contains("f8.onnx", error.Message);
        Assert.Contains("'f8'", error.Message);
    }
}
