using System.Buffers.Binary;
using FsCheck.Xunit;
using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>
/// Round trips over generated values (FsCheck, replayed from a fixed seed): a tensor stored as raw_data and the same
/// tensor in its typed field decode to the same numbers, which are the values written, for every encoding a value
/// can take.
/// </summary>
public sealed class DecoderPropertyTests
{
    private const string Replay = "(20261201,29)";

    [Property(MaxTest = 50, Replay = Replay)]
    public void Float32_raw_and_float_data_decode_to_the_values_written(float[] values)
    {
        var raw = Tensor(TensorProto.Types.DataType.Float, values.Length);
        var bytes = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        raw.RawData = ByteString.CopyFrom(bytes);
        var typed = Tensor(TensorProto.Types.DataType.Float, values.Length);
        typed.FloatData.Add(values);

        AssertSameBits(values.Select(v => (double)v).ToArray(), OnnxModelLoader.ReadTensor(raw, "p.pb").ReadAll());
        AssertSameBits(values.Select(v => (double)v).ToArray(), OnnxModelLoader.ReadTensor(typed, "p.pb").ReadAll());
    }

    [Property(MaxTest = 50, Replay = Replay)]
    public void Float16_raw_and_int32_bit_patterns_decode_to_the_same_halves(ushort[] bits)
    {
        var raw = Tensor(TensorProto.Types.DataType.Float16, bits.Length);
        var bytes = new byte[2 * bits.Length];
        for (int i = 0; i < bits.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), bits[i]);
        raw.RawData = ByteString.CopyFrom(bytes);
        var typed = Tensor(TensorProto.Types.DataType.Float16, bits.Length);
        typed.Int32Data.Add(bits.Select(b => (int)b));

        var expected = bits.Select(b => (double)BitConverter.UInt16BitsToHalf(b)).ToArray();
        AssertSameBits(expected, OnnxModelLoader.ReadTensor(raw, "p.pb").ReadAll());
        AssertSameBits(expected, OnnxModelLoader.ReadTensor(typed, "p.pb").ReadAll());
    }

    [Property(MaxTest = 50, Replay = Replay)]
    public void Int8_and_int16_raw_and_widened_int32_data_decode_to_the_integers(sbyte[] small, short[] wide)
    {
        var raw8 = Tensor(TensorProto.Types.DataType.Int8, small.Length);
        raw8.RawData = ByteString.CopyFrom(small.Select(v => unchecked((byte)v)).ToArray());
        var typed8 = Tensor(TensorProto.Types.DataType.Int8, small.Length);
        typed8.Int32Data.Add(small.Select(v => (int)v));
        var raw16 = Tensor(TensorProto.Types.DataType.Int16, wide.Length);
        var bytes = new byte[2 * wide.Length];
        for (int i = 0; i < wide.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), wide[i]);
        raw16.RawData = ByteString.CopyFrom(bytes);

        Assert.Equal(small.Select(v => (double)v), OnnxModelLoader.ReadTensor(raw8, "p.pb").ReadAll());
        Assert.Equal(small.Select(v => (double)v), OnnxModelLoader.ReadTensor(typed8, "p.pb").ReadAll());
        Assert.Equal(wide.Select(v => (double)v), OnnxModelLoader.ReadTensor(raw16, "p.pb").ReadAll());
    }

    private static TensorProto Tensor(TensorProto.Types.DataType type, int count)
    {
        var proto = new TensorProto { Name = "t", DataType = (int)type };
        proto.Dims.Add(count);
        return proto;
    }

    private static void AssertSameBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // NaN payloads may differ after widening; every other value must be bit-identical.
            Assert.True(double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"element {i}: expected {expected[i]}, decoded {actual[i]}");
        }
    }
}
