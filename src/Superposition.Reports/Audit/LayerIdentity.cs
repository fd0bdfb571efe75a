namespace Superposition.Reports.Audit;

/// <summary>
/// What the graph says a layer is, for the report: a readable name (e.g. encoder.layer.0.attention.self.query, shown
/// beside the exporter's tensor name), its transformer block and its role (q, k, v, o, up, gate, down, embedding, head).
/// </summary>
/// <param name="ReadableName">Derived from the graph; null when none was found.</param>
/// <param name="Block">Block index, or null.</param>
/// <param name="Role">Role, or null.</param>
public sealed record LayerIdentity(string? ReadableName, int? Block, string? Role);
