using Superposition.Onnx;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Runtime.Proto;

/// <summary>
/// Turns a serialized ONNX <c>TensorProto</c> (as in the backend test data's <c>input_*.pb</c>/<c>output_*.pb</c>)
/// into an <see cref="OrtTensor"/>. The loader (<see cref="OnnxModelLoader.ReadTensor"/>) checks the element type,
/// dims and stored size and owns the decoding of the typed fields; here its values only change array type.
/// raw_data is copied byte for byte, and the 64-bit integer fields are copied as they are, since a double cannot
/// hold every int64/uint64 exactly. External data is not read here.
/// </summary>
internal static class TensorProtoDecoder
{
    internal static OrtTensor Decode(TensorProto proto, string where)
    {
        ArgumentNullException.ThrowIfNull(proto);
        var type = (OnnxDataType)proto.DataType;
        var name = proto.Name.Length > 0 ? proto.Name : "(unnamed)";
        if (!OrtElementTypes.IsSupported(type))
        {
            throw Fail.UnsupportedDataType(where, name, OrtElementTypes.Name(type));
        }

        if (proto.DataLocation == TensorProto.Types.DataLocation.External || proto.ExternalData.Count > 0)
        {
            throw Fail.MissingExternalData(where, name, "the tensor keeps its data in an external file, which this decoder does not read");
        }

        var tensor = OnnxModelLoader.ReadTensor(proto, where);
        var shape = tensor.Dims.ToArray();
        var clr = OrtElementTypes.ClrType(type)!;
        if (tensor.Storage == TensorStorage.Raw)
        {
            var result = new OrtTensor(type, shape, OrtElementTypes.NewArray(type, tensor.ElementCount)!);
            if (!BitConverter.IsLittleEndian)
            {
                throw Fail.Internal("raw tensor data is little-endian; big-endian hosts are not supported");
            }

            proto.RawData.Span.CopyTo(result.AsBytes());
            if (type == OnnxDataType.Bool)
            {
                // Any non-zero byte is true; a bool array must hold only 0 and 1.
                var flags = result.GetData<bool>();
                for (var i = 0; i < flags.Length; i++)
                {
                    flags[i] = proto.RawData.Span[i] != 0;
                }
            }

            return result;
        }

        Array data = type switch
        {
            OnnxDataType.Int64 => proto.Int64Data.ToArray(),
            OnnxDataType.UInt64 => proto.Uint64Data.ToArray(),
            _ => Convert(tensor.ReadAll(), type, clr),
        };
        return new OrtTensor(type, shape, data);
    }

    /// <summary>Values the loader decoded (exact in a double for every type but the 64-bit integers) as <paramref name="clr"/>[].</summary>
    private static Array Convert(double[] values, OnnxDataType type, Type clr) => type switch
    {
        OnnxDataType.Float32 => Array.ConvertAll(values, v => (float)v),
        OnnxDataType.Float64 => values,
        OnnxDataType.Float16 => Array.ConvertAll(values, v => (Half)v),
        OnnxDataType.Bool => Array.ConvertAll(values, v => v != 0),
        OnnxDataType.Int8 => Array.ConvertAll(values, v => checked((sbyte)v)),
        OnnxDataType.UInt8 => Array.ConvertAll(values, v => checked((byte)v)),
        OnnxDataType.Int16 => Array.ConvertAll(values, v => checked((short)v)),
        OnnxDataType.UInt16 => Array.ConvertAll(values, v => checked((ushort)v)),
        OnnxDataType.Int32 => Array.ConvertAll(values, v => checked((int)v)),
        OnnxDataType.UInt32 => Array.ConvertAll(values, v => checked((uint)v)),
        _ => throw Fail.Internal($"no conversion from the loader's values to {clr.Name}[]"),
    };
}
