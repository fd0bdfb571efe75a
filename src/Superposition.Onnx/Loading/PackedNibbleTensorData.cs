using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// INT4 / UINT4 elements, two per byte with element 2i in the low nibble and 2i + 1 in the high nibble (ONNX IR 10);
/// <paramref name="bytes"/> reads the packed bytes (raw_data or an external file) as uint8.
/// </summary>
internal sealed class PackedNibbleTensorData(TensorData bytes, OnnxDataType type, long elementCount)
    : TensorData(type, elementCount)
{
    /// <summary>A reader of <paramref name="type"/>: the plain one, or for the 4-bit types the byte reader wrapped in the unpacker.</summary>
    public static TensorData Create(Func<OnnxDataType, long, TensorData> byteReader, OnnxDataType type, long count) =>
        type.IsPacked4()
            ? new PackedNibbleTensorData(byteReader(OnnxDataType.UInt8, type.StoredBytes(count)), type, count)
            : byteReader(type, count);

    /// <summary>Value of nibble <paramref name="index"/> (0 low, 1 high) of <paramref name="value"/>, sign-extended for INT4.</summary>
    public static int Nibble(int value, int index, bool signed)
    {
        int nibble = (value >> (4 * index)) & 0xF;
        return signed && nibble >= 8 ? nibble - 16 : nibble;
    }

    protected override void ReadCore(long offset, Span<double> destination)
    {
        if (destination.Length == 0) return;
        long first = offset / 2, last = (offset + destination.Length - 1) / 2;
        var packed = new double[last - first + 1];
        bytes.Read(first, packed);
        bool signed = Type == OnnxDataType.Int4;
        for (int i = 0; i < destination.Length; i++)
        {
            long element = offset + i;
            destination[i] = Nibble((int)packed[(element / 2) - first], (int)(element & 1), signed);
        }
    }
}
