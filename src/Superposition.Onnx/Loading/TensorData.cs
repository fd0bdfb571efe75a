using System.Buffers.Binary;
using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Decodes a contiguous range of a tensor's elements to doubles on demand, so a frame is read straight
/// into its analysis buffer and nothing is decoded before it is needed.
/// </summary>
internal abstract class TensorData
{
    protected TensorData(OnnxDataType type, long elementCount)
    {
        Type = type;
        ElementCount = elementCount;
    }

    public OnnxDataType Type { get; }

    public long ElementCount { get; }

    /// <summary>Decodes elements <c>[offset, offset + destination.Length)</c> into <paramref name="destination"/>.</summary>
    public void Read(long offset, Span<double> destination)
    {
        if (offset < 0 || offset + destination.Length > ElementCount)
        {
            throw Fail.Internal($"tensor range [{offset}, {offset + destination.Length}) outside [0, {ElementCount})");
        }

        ReadCore(offset, destination);
    }

    protected abstract void ReadCore(long offset, Span<double> destination);

    /// <summary>Decodes little-endian raw bytes of <paramref name="type"/> (the ONNX raw_data layout).</summary>
    public static void DecodeLittleEndian(ReadOnlySpan<byte> bytes, OnnxDataType type, Span<double> destination)
    {
        int n = destination.Length;
        switch (type)
        {
            case OnnxDataType.Float32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case OnnxDataType.Float64:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
            case OnnxDataType.Float16:
                for (int i = 0; i < n; i++) destination[i] = (double)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
                break;
            case OnnxDataType.BFloat16:
                for (int i = 0; i < n; i++) destination[i] = BFloat16ToDouble(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]));
                break;
            case OnnxDataType.Int8:
                for (int i = 0; i < n; i++) destination[i] = (sbyte)bytes[i];
                break;
            case OnnxDataType.UInt8:
            case OnnxDataType.Bool:
                for (int i = 0; i < n; i++) destination[i] = bytes[i];
                break;
            case OnnxDataType.Int16:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
                break;
            case OnnxDataType.UInt16:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
                break;
            case OnnxDataType.Int32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                break;
            case OnnxDataType.UInt32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
                break;
            case OnnxDataType.Int64:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]);
                break;
            case OnnxDataType.UInt64:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
                break;
            case var _ when type.IsFloat8():
                for (int i = 0; i < n; i++) destination[i] = Float8.ToDouble(bytes[i], type);
                break;
            default:
                throw Fail.Internal($"no decoder for {type.Name()}");
        }
    }

    /// <summary>bfloat16 is the upper half of an IEEE float32.</summary>
    public static double BFloat16ToDouble(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    /// <summary>float16 stored as the low 16 bits of an int32 (the typed-field layout of the ONNX IR).</summary>
    public static double HalfBitsToDouble(int bits) => (double)BitConverter.UInt16BitsToHalf((ushort)bits);
}

/// <summary>Elements held in raw_data (little-endian bytes).</summary>
internal sealed class RawTensorData(ReadOnlyMemory<byte> bytes, OnnxDataType type, long elementCount)
    : TensorData(type, elementCount)
{
    protected override void ReadCore(long offset, Span<double> destination)
    {
        int size = Type.ByteSize();
        var span = bytes.Span.Slice(checked((int)(offset * size)), destination.Length * size);
        DecodeLittleEndian(span, Type, destination);
    }
}
