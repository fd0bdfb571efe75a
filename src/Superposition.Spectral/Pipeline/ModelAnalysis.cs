namespace Superposition.Spectral.Pipeline;

/// <summary>The model's identity, as every output names it.</summary>
public sealed record ModelIdentity(
    string File,
    string Sha256,
    long FileBytes,
    string Producer,
    long IrVersion,
    IReadOnlyList<string> Opsets,
    long Parameters,
    int Nodes);

/// <summary>Every layer of a model analysed, plus those skipped and those whose analysis failed, in model order.</summary>
/// <param name="Model">Which model.</param>
/// <param name="Backend">The linear-algebra backend that computed every number.</param>
/// <param name="Options">The options used.</param>
/// <param name="Layers">Analysed layers, in the order the model stores them.</param>
/// <param name="Skipped">Tensors not analysed because they are not frames, each with its reason.</param>
/// <param name="Seconds">Wall time of the whole analysis.</param>
public sealed record ModelAnalysis(
    ModelIdentity Model,
    string Backend,
    ModelAnalysisOptions Options,
    IReadOnlyList<LayerAnalysis> Layers,
    IReadOnlyList<SkippedLayer> Skipped,
    double Seconds)
{
    /// <summary>Weight matrices whose analysis threw, each with its reason; the other layers went on. Default none.</summary>
    public IReadOnlyList<FailedLayer> Failed { get; init; } = [];

    /// <summary>True when some layer failed: the result is partial.</summary>
    public bool IsPartial => Failed.Count > 0;

    /// <summary>
    /// Every selected layer of the whole model in model order, whichever shard analysed it: the order merged shards
    /// are put back in. Null on results written before sharding existed.
    /// </summary>
    public IReadOnlyList<string>? PlannedLayers { get; init; }
}
