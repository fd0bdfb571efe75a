namespace Superposition.Spectral.Pipeline;

/// <summary>
/// A weight matrix whose analysis was attempted and threw: reported with the failure's family and reason, so a
/// reader (and a script, through the CLI's partial-result exit code) can tell it from a tensor that is not a frame.
/// </summary>
/// <param name="Name">The weight matrix.</param>
/// <param name="Op">Its consuming op.</param>
/// <param name="Shape">The stored tensor's shape.</param>
/// <param name="Dtype">Stored element type.</param>
/// <param name="Kind">The failure family (LayerTooLarge, NumericalFailure, Internal for a bug, ...).</param>
/// <param name="Reason">The failure's message.</param>
public sealed record FailedLayer(string Name, string Op, IReadOnlyList<long> Shape, string Dtype, ErrorKind Kind, string Reason);
