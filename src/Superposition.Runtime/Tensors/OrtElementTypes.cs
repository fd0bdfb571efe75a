namespace Superposition.Runtime;

/// <summary>The managed array type behind each supported element type, and its size in bytes.</summary>
internal static class OrtElementTypes
{
    /// <summary>The CLR element type for <paramref name="type"/>, or null when the binding cannot move it.</summary>
    internal static Type? ClrType(OrtElementType type) => type switch
    {
        OrtElementType.Float => typeof(float),
        OrtElementType.Double => typeof(double),
        OrtElementType.Float16 => typeof(Half),
        OrtElementType.Int8 => typeof(sbyte),
        OrtElementType.UInt8 => typeof(byte),
        OrtElementType.Int16 => typeof(short),
        OrtElementType.UInt16 => typeof(ushort),
        OrtElementType.Int32 => typeof(int),
        OrtElementType.UInt32 => typeof(uint),
        OrtElementType.Int64 => typeof(long),
        OrtElementType.UInt64 => typeof(ulong),
        OrtElementType.Bool => typeof(bool),
        _ => null,
    };

    internal static bool IsSupported(OrtElementType type) => ClrType(type) is not null;

    /// <summary>Bytes per element (bool is one byte in both ORT and .NET arrays).</summary>
    internal static int Size(OrtElementType type) => type switch
    {
        OrtElementType.Float or OrtElementType.Int32 or OrtElementType.UInt32 => 4,
        OrtElementType.Double or OrtElementType.Int64 or OrtElementType.UInt64 => 8,
        OrtElementType.Float16 or OrtElementType.Int16 or OrtElementType.UInt16 => 2,
        OrtElementType.Int8 or OrtElementType.UInt8 or OrtElementType.Bool => 1,
        _ => throw Fail.Internal($"element type {type} has no fixed size in the binding"),
    };

    /// <summary>The element type for a CLR type, or null when the binding has none.</summary>
    internal static OrtElementType? FromClr(Type type)
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

    internal static IReadOnlyList<OrtElementType> Supported { get; } =
    [
        OrtElementType.Float, OrtElementType.Double, OrtElementType.Float16, OrtElementType.Int8, OrtElementType.UInt8,
        OrtElementType.Int16, OrtElementType.UInt16, OrtElementType.Int32, OrtElementType.UInt32, OrtElementType.Int64,
        OrtElementType.UInt64, OrtElementType.Bool,
    ];

    /// <summary>Lower-case name used in messages ("float32", "int64", ...).</summary>
    internal static string Name(OrtElementType type) => type switch
    {
        OrtElementType.Float => "float32",
        OrtElementType.Double => "float64",
        OrtElementType.Float16 => "float16",
        OrtElementType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
