using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>INT4/UINT4 (two per byte, low nibble first) and the four float8 formats decode to hand-computed values.</summary>
public sealed class PackedTypeDecodingTests
{
    private static double[] Decode(TensorProto tensor)
    {
        var model = OnnxModelLoader.Load(new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", tensor.Name], ["y"]).ToBytes(), "t.onnx");
        return model.Tensors.Single(t => t.Name == tensor.Name).ReadAll();
    }

    [Fact]
    public void Int4_unpacks_low_nibble_first_and_sign_extends()
    {
        // 0x21: elements 1 (low) then 2 (high); 0xF8: -8 (low 8) then -1 (high F).
        Assert.Equal([1.0, 2.0, -8.0, -1.0], Decode(ModelBuilder.Raw("w", DataType.Int4, [2, 2], [0x21, 0xF8])));
    }

    [Fact]
    public void Uint4_unpacks_low_nibble_first()
    {
        Assert.Equal([1.0, 2.0, 8.0, 15.0], Decode(ModelBuilder.Raw("w", DataType.Uint4, [2, 2], [0x21, 0xF8])));
    }

    [Fact]
    public void Odd_count_of_4_bit_elements_needs_a_last_half_byte()
    {
        // 3 elements occupy 2 bytes; the high nibble of the last byte is padding.
        Assert.Equal([7.0, 0.0, 5.0], Decode(ModelBuilder.Raw("w", DataType.Uint4, [3, 1], [0x07, 0xA5])));
        var error = Assert.Throws<SuperpositionException>(() => Decode(ModelBuilder.Raw("w", DataType.Uint4, [3, 1], [0x07])));
        Assert.Contains("need 2 bytes", error.Message);
    }

    [Fact]
    public void Float8_e4m3fn_codes_decode_to_their_values()
    {
        // 0x38: exponent 7 = bias, mantissa 0 -> 1.0; 0x7E: 2^(15-7)·1.75 = 448, the largest; 0x01: subnormal 2^-6·1/8;
        // 0xC4: -(2^1)·1.5 = -3; 0x7F: NaN (no infinities).
        var values = Decode(ModelBuilder.Raw("w", DataType.Float8E4M3Fn, [5, 1], [0x38, 0x7E, 0x01, 0xC4, 0x7F]));
        Assert.Equal([1.0, 448.0, Math.Pow(2, -9), -3.0], values[..4]);
        Assert.True(double.IsNaN(values[4]));
    }

    [Fact]
    public void Float8_e5m2_codes_decode_to_their_values_with_infinities()
    {
        // 0x3C: exponent 15 = bias -> 1.0; 0x7B: 2^15·1.75 = 57344; 0x7C: +inf; 0xFC: -inf; 0x7D: NaN.
        var values = Decode(ModelBuilder.Raw("w", DataType.Float8E5M2, [5, 1], [0x3C, 0x7B, 0x7C, 0xFC, 0x7D]));
        Assert.Equal([1.0, 57344.0, double.PositiveInfinity, double.NegativeInfinity], values[..4]);
        Assert.True(double.IsNaN(values[4]));
    }

    [Fact]
    public void Float8_fnuz_codes_use_bias_plus_one_and_0x80_as_nan()
    {
        // E4M3FNUZ: 0x40 = 2^(8-8) = 1.0, 0x7F = 2^7·1.875 = 240; E5M2FNUZ: 0x40 = 2^(16-16) = 1.0, 0x7F = 2^15·1.75 = 57344.
        var e4 = Decode(ModelBuilder.Raw("w", DataType.Float8E4M3Fnuz, [3, 1], [0x40, 0x7F, 0x80]));
        Assert.Equal([1.0, 240.0], e4[..2]);
        Assert.True(double.IsNaN(e4[2]));
        var e5 = Decode(ModelBuilder.Raw("w", DataType.Float8E5M2Fnuz, [3, 1], [0x40, 0x7F, 0x80]));
        Assert.Equal([1.0, 57344.0], e5[..2]);
        Assert.True(double.IsNaN(e5[2]));
    }

    [Fact]
    public void Float8_in_int32_data_decodes_the_low_byte()
    {
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float8E4M3Fn, Dims = { 2, 1 }, Int32Data = { 0x38, 0xC4 } };
        Assert.Equal([1.0, -3.0], Decode(tensor));
    }

    [Fact]
    public void Int4_weight_dequantized_by_DequantizeLinear_is_a_frame_in_real_units()
    {
        // q = [1, 2, -8, -1] · 0.5 with zero point 0.
        var model = OnnxModelLoader.Load(new ModelBuilder(21)
            .Initializer(ModelBuilder.Raw("q", DataType.Int4, [2, 2], [0x21, 0xF8]))
            .Initializer(ModelBuilder.Float32("s", [], [0.5f]))
            .Node("DequantizeLinear", "dq", ["q", "s"], ["w"]).Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes(), "t.onnx");
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal([0.5, 1.0, -4.0, -0.5], matrix.Tensor.ReadAll());
        Assert.Equal(4, model.ParameterCount);
    }
}
