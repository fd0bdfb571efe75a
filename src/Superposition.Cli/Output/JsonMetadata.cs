using System.Text.Json;
using System.Text.Json.Serialization;
using Superposition.Reports.Diff;
using Superposition.Reports.Exports;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;
using Superposition.Spectral.Probes;
using Superposition.Training.Dynamics;
using Superposition.Training.Mimo;

namespace Superposition.Cli.Output;

/// <summary>
/// Serialization code generated at build time for every document the tool writes or reads, and the only metadata
/// <see cref="Json.Options"/> has: no type is serialized by reflection, so an ahead-of-time compiled build (docs/native.md)
/// writes what the JIT build writes, and a short run does not spend its start-up building metadata. The settings are
/// <see cref="Json.Options"/>'s (that instance serializes; this context only supplies metadata).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(AuditDocument))]
[JsonSerializable(typeof(PartialAnalysis))]
[JsonSerializable(typeof(JsonLayerCheckpoint.Saved))]
[JsonSerializable(typeof(ModelAnalysisOptions))]
[JsonSerializable(typeof(AnalysisOptions))]
[JsonSerializable(typeof(ModelListing))]
[JsonSerializable(typeof(ProbeReport))]
[JsonSerializable(typeof(ComparisonDocument))]
[JsonSerializable(typeof(DiffDocument))]
[JsonSerializable(typeof(DynamicsDocument))]
[JsonSerializable(typeof(MimoDocument))]
internal sealed partial class JsonMetadata : JsonSerializerContext;
