using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Superposition.Cli.Output;

namespace Superposition.Cli.Tests.Output;

/// <summary>
/// The JSON dialect has no reflection fallback (an ahead-of-time build could not run one), so every document type must
/// be in the generated metadata, and every enum inside them must have its camelCase string converter.
/// </summary>
public sealed class JsonMetadataTests
{
    [Fact]
    public void Every_enum_reachable_from_the_documents_is_written_as_a_camel_case_string()
    {
        var enums = ReachableTypes().Where(t => t.IsEnum).ToList();
        Assert.NotEmpty(enums); // the walk reaches into the documents (options carry enums)
        var missing = enums.Where(t => !Json.Options.Converters.Any(c => c.CanConvert(t))).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "no string converter for: " + string.Join(", ", missing));
        foreach (var type in enums)
        {
            var first = Enum.GetValues(type).GetValue(0)!;
            var written = JsonSerializer.Serialize(first, type, Json.Options);
            var name = first.ToString()!;
            Assert.Equal("\"" + char.ToLowerInvariant(name[0]) + name[1..] + "\"", written);
        }
    }

    [Fact]
    public void A_type_outside_the_documents_is_refused_rather_than_serialized_by_reflection()
    {
        var error = Assert.ThrowsAny<Exception>(() => Json.Serialize(new Uri("https://example.org")));
        Assert.Contains("Uri", error.Message);
    }

    /// <summary>Every type the generated metadata reaches from its root documents: property types, element and key types.</summary>
    private static HashSet<Type> ReachableTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(typeof(JsonMetadata).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!));
        while (pending.TryPop(out var type))
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(underlying) || underlying.IsEnum || underlying.IsPrimitive) continue;
            var info = JsonMetadata.Default.GetTypeInfo(underlying);
            Assert.NotNull(info);
            if (info.ElementType is { } element) pending.Push(element);
            if (info.KeyType is { } key) pending.Push(key);
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var property in info.Properties) pending.Push(property.PropertyType);
            }
        }

        return seen;
    }
}
