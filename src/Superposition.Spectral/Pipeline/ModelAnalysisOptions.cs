using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Pipeline;

/// <summary>Options of <see cref="ModelAnalyzer"/>: which layers, how they are oriented, and the resources used.</summary>
public sealed record ModelAnalysisOptions
{
    public static ModelAnalysisOptions Default { get; } = new();

    /// <summary>Which side of each weight holds the features. Default auto (the larger side; MATH.md section 0).</summary>
    public OrientationChoice Orientation { get; init; } = OrientationChoice.Auto;

    /// <summary>
    /// Glob patterns (<c>*</c>, <c>?</c>; case-insensitive) matched against a weight's name and its layer name; a layer
    /// is analysed when any pattern matches. Empty (default): every layer.
    /// </summary>
    public IReadOnlyList<string> LayerPatterns { get; init; } = [];

    /// <summary>Options of each frame's analysis (tolerances, bins, seeds). Default <see cref="AnalysisOptions.Default"/>.</summary>
    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;

    /// <summary>
    /// Memory that the layers being analysed at one time may use together, in bytes. A layer whose own estimate is
    /// larger is skipped with that reason. Default: 60% of the memory available to the process.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.6);

    /// <summary>
    /// The part of the selected layers this run analyses (<c>--shard k/N</c>, <see cref="ShardPlan"/>). Default 1/1:
    /// every layer.
    /// </summary>
    public ShardPlan Shard { get; init; } = ShardPlan.Whole;

    /// <summary>Layers analysed at the same time. Default: the number of cores.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Layers of at least this many estimated FLOPs (<see cref="LayerCost.Flops(WeightMatrix, AnalysisOptions)"/>) run
    /// first, one at a time, with every BLAS thread; the smaller ones then share the cores, one BLAS thread per lane.
    /// Their BLAS-3 work runs nearly twice as fast on two threads, where two such layers side by side contend for
    /// memory bandwidth (docs/methods.md, "Streaming engine"). The split depends on the shapes only, so every layer's
    /// thread count (and so its last bits) is the same in every run. Default 5e11 (a 4096 × 4096 layer is 1.3e12, the
    /// 30522 × 384 MiniLM embedding 2.2e11: LLM-size layers run alone, smaller ones share).
    /// </summary>
    public double SoloLayerFlops { get; init; } = 5e11;
}
