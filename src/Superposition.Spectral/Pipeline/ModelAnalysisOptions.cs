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
    /// Layers of at least this many estimated FLOPs (<see cref="LayerCost.Flops(WeightMatrix, AnalysisOptions)"/>), and
    /// layers with a float32 part (<see cref="LayerCost.HasSinglePrecisionPart"/>), run first, one at a time, with every
    /// BLAS thread; the others then share the cores, one BLAS thread per lane. Measured on the Llama-2-7B-shaped set:
    /// 4 min 13 s and 1.70 GB peak against 4 min 59 s and 2.82 GB with every layer sharing (docs/methods.md, "Streaming
    /// engine"). The split depends on the shapes only, so every layer's thread count (and so its last bits) is the same
    /// in every run and every shard. Default 5e11 (a 4096 × 4096 layer is 1.3e12, a 1536 × 384 one 2e9).
    /// </summary>
    public double SoloLayerFlops { get; init; } = 5e11;
}
