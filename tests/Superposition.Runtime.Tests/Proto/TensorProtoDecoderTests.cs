using Superposition.Onnx.Graph;
using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Runtime.Proto;
using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Proto;

public sealed class TensorProtoDecoderTests
{
    [Fact]
    public void Float_data_field_decodes_with_its_shape()
    {
        var proto = Tensor(TensorProto.Types.DataType.Float, 2, 1);
        proto.FloatData.Add([1.5f, -2f]);

        var tensor = TensorProtoDecoder.Decode(proto, "t");

        Assert.Equal(OnnxDataType.Float32, tensor.ElementType);
        Assert.Equal([2L, 1L], tensor.Shape);
        Assert.Equal([1.5f, -2f], tensor.GetData<float>());
    }

    [Fact]
    public void Float16_travels_as_bit_patterns_in_int32_data()
    {
        // IEEE half: 0x3C00 = 1.0, 0xC000 = -2.0, 0x7BFF = 65504 (largest finite).
        var proto = Tensor(TensorProto.Types.DataType.Float16, 3);
        proto.Int32Data.Add([0x3C00, 0xC000, 0x7BFF]);

        var values = TensorProtoDecoder.Decode(proto, "t").GetData<Half>();

        Assert.Equal([(Half)1, (Half)(-2), (Half)65504], values);
    }

    [Fact]
    public void Small_integer_types_and_bool_travel_in_int32_data()
    {
        var int8 = Tensor(TensorProto.Types.DataType.Int8, 2);
        int8.Int32Data.Add([-128, 127]);
        var uint16 = Tensor(TensorProto.Types.DataType.Uint16, 1);
        uint16.Int32Data.Add(65535);
        var flags = Tensor(TensorProto.Types.DataType.Bool, 3);
        flags.Int32Data.Add([1, 0, 1]);

        Assert.Equal([(sbyte)-128, (sbyte)127], TensorProtoDecoder.Decode(int8, "t").GetData<sbyte>());
        Assert.Equal([(ushort)65535], TensorProtoDecoder.Decode(uint16, "t").GetData<ushort>());
        Assert.Equal([true, false, true], TensorProtoDecoder.Decode(flags, "t").GetData<bool>());
    }

    [Fact]
    public void Unsigned_32_and_64_bit_travel_in_uint64_data()
    {
        var u32 = Tensor(TensorProto.Types.DataType.Uint32, 1);
        u32.Uint64Data.Add(4_000_000_000UL);
        var u64 = Tensor(TensorProto.Types.DataType.Uint64, 1);
        u64.Uint64Data.Add(ulong.MaxValue);

        Assert.Equal([4_000_000_000u], TensorProtoDecoder.Decode(u32, "t").GetData<uint>());
        Assert.Equal([ulong.MaxValue], TensorProtoDecoder.Decode(u64, "t").GetData<ulong>());
    }

    [Fact]
    public void Raw_data_is_little_endian()
    {
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000; int64 258 = 0x0102.
        var floats = Tensor(TensorProto.Types.DataType.Float, 2);
        floats.RawData = ByteString.CopyFrom(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
        var longs = Tensor(TensorProto.Types.DataType.Int64, 1);
        longs.RawData = ByteString.CopyFrom(0x02, 0x01, 0, 0, 0, 0, 0, 0);

        Assert.Equal([1f, -2f], TensorProtoDecoder.Decode(floats, "t").GetData<float>());
        Assert.Equal([258L], TensorProtoDecoder.Decode(longs, "t").GetData<long>());
    }

    [Fact]
    public void Raw_bool_bytes_other_than_zero_are_true()
    {
        var flags = Tensor(TensorProto.Types.DataType.Bool, 3);
        flags.RawData = ByteString.CopyFrom(0, 1, 7);

        Assert.Equal([false, true, true], TensorProtoDecoder.Decode(flags, "t").GetData<bool>());
    }

    [Fact]
    public void A_scalar_has_an_empty_shape_and_one_value()
    {
        var scalar = Tensor(TensorProto.Types.DataType.Int64);
        scalar.Int64Data.Add(-7);

        var tensor = TensorProtoDecoder.Decode(scalar, "t");

        Assert.Empty(tensor.Shape);
        Assert.Equal([-7L], tensor.GetData<long>());
    }

    [Fact]
    public void Value_count_that_disagrees_with_the_shape_is_an_invalid_model()
    {
        var proto = Tensor(TensorProto.Types.DataType.Float, 2, 2);
        proto.FloatData.Add([1f, 2f, 3f]);
        var raw = Tensor(TensorProto.Types.DataType.Int32, 2);
        raw.RawData = ByteString.CopyFrom(1, 2, 3);

        Assert.Equal(ErrorKind.InvalidModel, Assert.Throws<SuperpositionException>(() => TensorProtoDecoder.Decode(proto, "t")).Kind);
        Assert.Equal(ErrorKind.InvalidModel, Assert.Throws<SuperpositionException>(() => TensorProtoDecoder.Decode(raw, "t")).Kind);
    }

    [Fact]
    public void String_and_bfloat16_tensors_are_unsupported()
    {
        var text = Tensor(TensorProto.Types.DataType.String, 1);
        text.StringData.Add(ByteString.CopyFromUtf8("a"));
        var bf16 = Tensor(TensorProto.Types.DataType.Bfloat16, 1);
        bf16.Int32Data.Add(0x3F80);

        Assert.Equal(ErrorKind.UnsupportedDataType, Assert.Throws<SuperpositionException>(() => TensorProtoDecoder.Decode(text, "t")).Kind);
        Assert.Equal(ErrorKind.UnsupportedDataType, Assert.Throws<SuperpositionException>(() => TensorProtoDecoder.Decode(bf16, "t")).Kind);
    }

    [Fact]
    public void Backend_test_file_decodes_to_the_values_numpy_reads()
    {
        var file = OrtTestEnvironment.TestDataRoot + "/node/test_abs/test_data_set_0/input_0.pb";
        if (!File.Exists(file))
        {
            Assert.Fail(OrtTestEnvironment.TestDataMissingReason ?? file + " is missing");
        }

        var tensor = TensorProtoDecoder.Decode(TensorProto.Parser.ParseFrom(File.ReadAllBytes(file)), file);

        // numpy_helper.to_array: name 'x', float32 (3, 4, 5), first values 1.7640524, 0.40015721, 0.978738,
        // sum in float64 4.600037792697549.
        Assert.Equal([3L, 4L, 5L], tensor.Shape);
        var values = tensor.GetData<float>();
        Assert.Equal([1.764052391052246f, 0.40015721321105957f, 0.978738009929657f], values.Take(3));
        Assert.Equal(4.600037792697549, values.Sum(v => (double)v), 12);
    }

    private static TensorProto Tensor(TensorProto.Types.DataType type, params long[] dims)
    {
        var proto = new TensorProto { Name = "t", DataType = (int)type };
        proto.Dims.Add(dims);
        return proto;
    }
}
