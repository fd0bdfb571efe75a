using Superposition.Reports.Exports;

namespace Superposition.Cli.Output;

/// <summary>What <c>audit --json</c> writes: the analysis and the baseline comparison.</summary>
internal sealed record AuditDocument(AnalysisDocument Analysis, ComparisonDocument? Comparison);
