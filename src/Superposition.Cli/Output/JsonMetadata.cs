using System.Text.Json;
using System.Text.Json.Serialization;
using Superposition.Reports.Exports;

namespace Superposition.Cli.Output;

/// <summary>
/// Serialization code generated at build time for the largest document the tool writes (analyze --json), so that a
/// short run does not spend its start-up building the metadata by reflection. The settings are <see cref="Json.Options"/>'s
/// (that instance is what serializes; this context only supplies metadata), and other types fall back to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AnalysisDocument))]
internal sealed partial class JsonMetadata : JsonSerializerContext;
