using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Superposition.Onnx.Orientation;
using Superposition.Reports.Baselines;
using Superposition.Spectral.Measures;

namespace Superposition.Cli.Output;

/// <summary>One JSON dialect for every file the tool writes: camelCase, indented, enums as strings, no NaN surprises.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep ×, λ and names readable in files
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // One generic converter per enum the documents hold (JsonMetadataTests finds them all): the non-generic
        // factory builds its converters by reflection, which an ahead-of-time build cannot.
        Converters =
        {
            CamelCase<Closeness>(), CamelCase<LayerRegime>(), CamelCase<ConvKernels>(), CamelCase<XMinRule>(),
            CamelCase<EigenspaceGrouping>(), CamelCase<OrientationChoice>(), CamelCase<ErrorKind>(),
        },
        TypeInfoResolver = JsonMetadata.Default,
    };

    private static JsonStringEnumConverter<T> CamelCase<T>()
        where T : struct, Enum => new(JsonNamingPolicy.CamelCase);

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    /// <summary>Serializes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) =>
        OutputFile.Write(path, stream => JsonSerializer.Serialize(stream, value, Info<T>()));

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="stream"/> (JsonException when it is not one).</summary>
    public static T? Read<T>(Stream stream) => JsonSerializer.Deserialize(stream, Info<T>());

    /// <summary>The generated metadata of <typeparamref name="T"/> under these options (NotSupportedException for a type outside <see cref="JsonMetadata"/>).</summary>
    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
