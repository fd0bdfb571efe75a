using Superposition.Onnx.Graph;

namespace Superposition.Runtime;

/// <summary>
/// The element types the runtime binding moves between managed arrays and ORT (the numeric ones and bool), with
/// the managed array type behind each. String, complex, bfloat16 and the sub-byte types are recognised but not moved.
/// </summary>
internal static class OrtElementTypes
{
    /// <summary>The CLR element type for <paramref name="type"/>, or null when the binding cannot move it.</summary>
    internal static Type? ClrType(OnnxDataType type) => type switch
    {
        OnnxDataType.Float32 => typeof(float),
        OnnxDataType.Float64 => typeof(double),
        OnnxDataType.Float16 => typeof(Half),
        OnnxDataType.Int8 => typeof(sbyte),
        OnnxDataType.UInt8 => typeof(byte),
        OnnxDataType.Int16 => typeof(short),
        OnnxDataType.UInt16 => typeof(ushort),
        OnnxDataType.Int32 => typeof(int),
        OnnxDataType.UInt32 => typeof(uint),
        OnnxDataType.Int64 => typeof(long),
        OnnxDataType.UInt64 => typeof(ulong),
        OnnxDataType.Bool => typeof(bool),
        _ => null,
    };

    internal static bool IsSupported(OnnxDataType type) => ClrType(type) is not null;

    /// <summary>
    /// A zeroed managed array of <paramref name="count"/> elements of <paramref name="type"/>'s CLR type, or null when
    /// the binding cannot move the type. Spelled out per type (not Array.CreateInstance) so that an ahead-of-time
    /// compiled build has every array type's code.
    /// </summary>
    internal static Array? NewArray(OnnxDataType type, long count) => type switch
    {
        OnnxDataType.Float32 => new float[count],
        OnnxDataType.Float64 => new double[count],
        OnnxDataType.Float16 => new Half[count],
        OnnxDataType.Int8 => new sbyte[count],
        OnnxDataType.UInt8 => new byte[count],
        OnnxDataType.Int16 => new short[count],
        OnnxDataType.UInt16 => new ushort[count],
        OnnxDataType.Int32 => new int[count],
        OnnxDataType.UInt32 => new uint[count],
        OnnxDataType.Int64 => new long[count],
        OnnxDataType.UInt64 => new ulong[count],
        OnnxDataType.Bool => new bool[count],
        _ => null,
    };

    /// <summary>Bytes per element (bool is one byte in both ORT and .NET arrays); the loader's table.</summary>
    internal static int Size(OnnxDataType type) =>
        IsSupported(type) ? type.ByteSize() : throw Fail.Internal($"element type {type} has no fixed size in the binding");

    /// <summary>The element type for a CLR type, or null when the binding has none.</summary>
    internal static OnnxDataType? FromClr(Type type)
    {
        foreach (var candidate in Supported)
        {
            if (ClrType(candidate) == type)
            {
                return candidate;
            }
        }

        return null;
    }

    internal static IReadOnlyList<OnnxDataType> Supported { get; } =
    [
        OnnxDataType.Float32, OnnxDataType.Float64, OnnxDataType.Float16, OnnxDataType.Int8, OnnxDataType.UInt8,
        OnnxDataType.Int16, OnnxDataType.UInt16, OnnxDataType.Int32, OnnxDataType.UInt32, OnnxDataType.Int64,
        OnnxDataType.UInt64, OnnxDataType.Bool,
    ];

    /// <summary>Lower-case name used in messages ("float32", "int64", ...): the loader's names.</summary>
    internal static string Name(OnnxDataType type) => type.Name();
}
