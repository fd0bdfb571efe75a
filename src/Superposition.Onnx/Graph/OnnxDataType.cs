namespace Superposition.Onnx.Graph;

/// <summary>Element types of ONNX tensors (values are the TensorProto.DataType codes of the ONNX IR).</summary>
public enum OnnxDataType
{
    Undefined = 0,
    Float32 = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Float64 = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
    Float8E4M3FN = 17,
    Float8E4M3FNUZ = 18,
    Float8E5M2 = 19,
    Float8E5M2FNUZ = 20,
    UInt4 = 21,
    Int4 = 22,
    Float4E2M1 = 23,
}

/// <summary>Facts about element types: names, sizes, and which ones the decoder handles.</summary>
public static class OnnxDataTypes
{
    /// <summary>Short lowercase name as printed by the tool (e.g. "float32", "bfloat16").</summary>
    public static string Name(this OnnxDataType type) => type switch
    {
        OnnxDataType.Float32 => "float32",
        OnnxDataType.Float16 => "float16",
        OnnxDataType.BFloat16 => "bfloat16",
        OnnxDataType.Float64 => "float64",
        OnnxDataType.Int8 => "int8",
        OnnxDataType.UInt8 => "uint8",
        OnnxDataType.Int16 => "int16",
        OnnxDataType.UInt16 => "uint16",
        OnnxDataType.Int32 => "int32",
        OnnxDataType.Int64 => "int64",
        OnnxDataType.UInt32 => "uint32",
        OnnxDataType.UInt64 => "uint64",
        OnnxDataType.Bool => "bool",
        OnnxDataType.String => "string",
        _ => Enum.IsDefined(type) ? type.ToString().ToLowerInvariant() : $"unknown({(int)type})",
    };

    /// <summary>Bytes per element in raw_data, or 0 for types the decoder cannot read.</summary>
    public static int ByteSize(this OnnxDataType type) => type switch
    {
        OnnxDataType.Float32 or OnnxDataType.Int32 or OnnxDataType.UInt32 => 4,
        OnnxDataType.Float64 or OnnxDataType.Int64 or OnnxDataType.UInt64 => 8,
        OnnxDataType.Float16 or OnnxDataType.BFloat16 or OnnxDataType.Int16 or OnnxDataType.UInt16 => 2,
        OnnxDataType.Int8 or OnnxDataType.UInt8 or OnnxDataType.Bool => 1,
        _ when type.IsFloat8() => 1,
        _ => 0,
    };

    /// <summary>True for the types the tool decodes to numbers (the 4-bit types are unpacked from two per byte).</summary>
    public static bool IsDecodable(this OnnxDataType type) => type.ByteSize() > 0 || type.IsPacked4();

    /// <summary>True for floating-point types (learned weights are usually stored in these).</summary>
    public static bool IsFloatingPoint(this OnnxDataType type) =>
        type is OnnxDataType.Float32 or OnnxDataType.Float16 or OnnxDataType.BFloat16 or OnnxDataType.Float64 || type.IsFloat8();

    /// <summary>True for the integer types that quantized models store weights in (8-bit, and 4-bit packed two per byte).</summary>
    public static bool IsQuantizedStorage(this OnnxDataType type) =>
        type is OnnxDataType.Int8 or OnnxDataType.UInt8 or OnnxDataType.Int4 or OnnxDataType.UInt4;

    /// <summary>The four 8-bit float types of ONNX IR 9 (E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ).</summary>
    public static bool IsFloat8(this OnnxDataType type) =>
        type is OnnxDataType.Float8E4M3FN or OnnxDataType.Float8E4M3FNUZ or OnnxDataType.Float8E5M2 or OnnxDataType.Float8E5M2FNUZ;

    /// <summary>INT4 and UINT4: two elements per byte, the first in the low nibble.</summary>
    public static bool IsPacked4(this OnnxDataType type) => type is OnnxDataType.Int4 or OnnxDataType.UInt4;

    /// <summary>Bytes that <paramref name="count"/> elements occupy in raw_data or an external file.</summary>
    public static long StoredBytes(this OnnxDataType type, long count) => type.IsPacked4() ? (count + 1) / 2 : count * type.ByteSize();
}
