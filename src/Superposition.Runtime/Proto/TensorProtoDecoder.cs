using Google.Protobuf.Collections;
using Superposition.Onnx.Proto;

namespace Superposition.Runtime.Proto;

/// <summary>
/// Turns a serialized ONNX <c>TensorProto</c> (as in the backend test data's <c>input_*.pb</c>/<c>output_*.pb</c>)
/// into an <see cref="OrtTensor"/>. Data come from <c>raw_data</c> (little-endian) or from the typed fields the
/// ONNX spec assigns: float_data, double_data, int64_data, uint64_data (uint32/uint64), and int32_data for
/// int32/int16/int8/uint16/uint8/bool and float16 (its bit pattern). External data is not read here.
/// </summary>
internal static class TensorProtoDecoder
{
    internal static OrtTensor Decode(TensorProto proto, string where)
    {
        ArgumentNullException.ThrowIfNull(proto);
        var type = (OrtElementType)proto.DataType;
        var name = proto.Name.Length > 0 ? proto.Name : "(unnamed)";
        if (!OrtElementTypes.IsSupported(type))
        {
            throw Fail.UnsupportedDataType(where, name, OrtElementTypes.Name(type));
        }

        if (proto.DataLocation == TensorProto.Types.DataLocation.External || proto.ExternalData.Count > 0)
        {
            throw Fail.MissingExternalData(where, name, "the tensor keeps its data in an external file, which this decoder does not read");
        }

        var shape = proto.Dims.ToArray();
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw Fail.InvalidTensor(where, name, $"negative dimension in {OrtTensor.Format(shape)}");
            }

            count = checked(count * dim);
        }

        var data = proto.RawData.Length > 0 ? FromRaw(proto, type, count, where, name) : FromTyped(proto, type, count, where, name);
        return new OrtTensor(type, shape, data);
    }

    private static Array FromRaw(TensorProto proto, OrtElementType type, long count, string where, string name)
    {
        var size = OrtElementTypes.Size(type);
        var raw = proto.RawData.Span;
        if (raw.Length != count * size)
        {
            throw Fail.InvalidTensor(where, name, $"raw_data holds {raw.Length} bytes, the shape needs {count * size}");
        }

        if (type == OrtElementType.Bool)
        {
            // Any non-zero byte is true; copying bytes as-is could create bools that are neither 0 nor 1.
            var flags = new bool[count];
            for (var i = 0; i < flags.Length; i++)
            {
                flags[i] = raw[i] != 0;
            }

            return flags;
        }

        var data = Array.CreateInstance(OrtElementTypes.ClrType(type)!, count);
        var tensor = new OrtTensor(type, [count], data);
        raw.CopyTo(tensor.AsBytes());
        if (!BitConverter.IsLittleEndian)
        {
            throw Fail.Internal("raw tensor data is little-endian; big-endian hosts are not supported");
        }

        return data;
    }

    private static Array FromTyped(TensorProto proto, OrtElementType type, long count, string where, string name)
    {
        Array data = type switch
        {
            OrtElementType.Float => proto.FloatData.ToArray(),
            OrtElementType.Double => proto.DoubleData.ToArray(),
            OrtElementType.Int64 => proto.Int64Data.ToArray(),
            OrtElementType.UInt64 => proto.Uint64Data.ToArray(),
            OrtElementType.UInt32 => proto.Uint64Data.Select(v => checked((uint)v)).ToArray(),
            OrtElementType.Int32 => proto.Int32Data.ToArray(),
            OrtElementType.Int16 => Narrow(proto.Int32Data, v => checked((short)v)),
            OrtElementType.Int8 => Narrow(proto.Int32Data, v => checked((sbyte)v)),
            OrtElementType.UInt16 => Narrow(proto.Int32Data, v => checked((ushort)v)),
            OrtElementType.UInt8 => Narrow(proto.Int32Data, v => checked((byte)v)),
            OrtElementType.Bool => Narrow(proto.Int32Data, v => v != 0),
            OrtElementType.Float16 => Narrow(proto.Int32Data, v => BitConverter.UInt16BitsToHalf(unchecked((ushort)v))),
            _ => throw Fail.UnsupportedDataType(where, name, OrtElementTypes.Name(type)),
        };
        if (data.LongLength != count)
        {
            throw Fail.InvalidTensor(where, name, $"holds {data.LongLength} values, the shape {OrtTensor.Format(proto.Dims)} needs {count}");
        }

        return data;
    }

    private static T[] Narrow<T>(RepeatedField<int> values, Func<int, T> convert) => values.Select(convert).ToArray();
}
