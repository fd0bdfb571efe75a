using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Elements held in the typed repeated fields of a TensorProto. The ONNX IR stores the small types
/// (int8, uint8, int16, uint16, bool, float16 and bfloat16 bit patterns) widened in int32_data.
/// </summary>
internal sealed class TypedTensorData(TensorProto proto, OnnxDataType type, long elementCount)
    : TensorData(type, elementCount)
{
    /// <summary>How many values the field that holds <paramref name="type"/> carries.</summary>
    public static long FieldCount(TensorProto proto, OnnxDataType type) => type switch
    {
        OnnxDataType.Float32 => proto.FloatData.Count,
        OnnxDataType.Float64 => proto.DoubleData.Count,
        OnnxDataType.Int64 => proto.Int64Data.Count,
        OnnxDataType.UInt32 or OnnxDataType.UInt64 => proto.Uint64Data.Count,
        _ => proto.Int32Data.Count,
    };

    /// <summary>The field's name, for messages.</summary>
    public static string FieldName(OnnxDataType type) => type switch
    {
        OnnxDataType.Float32 => "float_data",
        OnnxDataType.Float64 => "double_data",
        OnnxDataType.Int64 => "int64_data",
        OnnxDataType.UInt32 or OnnxDataType.UInt64 => "uint64_data",
        _ => "int32_data",
    };

    protected override void ReadCore(long offset, Span<double> destination)
    {
        int start = checked((int)offset);
        int n = destination.Length;
        switch (Type)
        {
            case OnnxDataType.Float32:
                for (int i = 0; i < n; i++) destination[i] = proto.FloatData[start + i];
                break;
            case OnnxDataType.Float64:
                for (int i = 0; i < n; i++) destination[i] = proto.DoubleData[start + i];
                break;
            case OnnxDataType.Int64:
                for (int i = 0; i < n; i++) destination[i] = proto.Int64Data[start + i];
                break;
            case OnnxDataType.UInt32:
            case OnnxDataType.UInt64:
                for (int i = 0; i < n; i++) destination[i] = proto.Uint64Data[start + i];
                break;
            case OnnxDataType.Float16:
                for (int i = 0; i < n; i++) destination[i] = HalfBitsToDouble(proto.Int32Data[start + i]);
                break;
            case OnnxDataType.BFloat16:
                for (int i = 0; i < n; i++) destination[i] = BFloat16ToDouble((ushort)proto.Int32Data[start + i]);
                break;
            case OnnxDataType.Int8:
                for (int i = 0; i < n; i++) destination[i] = (sbyte)proto.Int32Data[start + i];
                break;
            case var _ when Type.IsFloat8():
                for (int i = 0; i < n; i++) destination[i] = Float8.ToDouble((byte)proto.Int32Data[start + i], Type);
                break;
            default: // uint8, bool, int16, uint16, int32: the int32 value is the element
                for (int i = 0; i < n; i++) destination[i] = proto.Int32Data[start + i];
                break;
        }
    }
}
