using Superposition.Reports.Baselines;
using Superposition.Spectral.Probes;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>How the report was produced, shown on its cover.</summary>
/// <param name="ToolVersion">superposition's version.</param>
/// <param name="CommandLine">The command as typed.</param>
/// <param name="Date">When the audit ran.</param>
public sealed record RunInfo(string ToolVersion, string CommandLine, DateTimeOffset Date);

/// <summary>Everything an audit report is built from.</summary>
/// <param name="Run">Cover information.</param>
/// <param name="Analysis">The model's layers, analysed.</param>
/// <param name="Comparison">Each layer beside the toy baselines; null when none were used.</param>
/// <param name="DetailLayers">How many layers get a detail page (the most informative first); all when the model has at most this many.</param>
/// <param name="Probe">Activation measurements from ONNX Runtime (<c>--probe</c>); null when not asked for.</param>
/// <param name="Identities">Readable name, block and role of each layer by its name (from the loaded graph); null when unknown.</param>
public sealed record AuditInput(RunInfo Run, ModelAnalysis Analysis, BaselineComparison? Comparison, int DetailLayers = 12, ProbeReport? Probe = null,
    IReadOnlyDictionary<string, LayerIdentity>? Identities = null);
