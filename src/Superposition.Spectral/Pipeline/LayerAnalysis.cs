using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Pipeline;

/// <summary>One analysed weight matrix: where it sits in the model, how it was read as a frame, and the measures.</summary>
/// <param name="Name">Unique name (tensor name plus slice, e.g. "W[direction 0, gate i]").</param>
/// <param name="Tensor">The stored tensor's name.</param>
/// <param name="Op">Consuming op (MatMul, Gemm, Conv, LSTM, Gather, ...).</param>
/// <param name="Layer">The consuming node, qualified by its subgraph.</param>
/// <param name="Shape">The stored tensor's shape.</param>
/// <param name="Dtype">Stored element type.</param>
/// <param name="Orientation">read, write, embedding, rows or columns.</param>
/// <param name="OrientationDescription">A sentence saying what the features are.</param>
/// <param name="Features">n.</param>
/// <param name="Hidden">m.</param>
/// <param name="Decoding">How stored values became numbers, when not the identity (dequantization).</param>
/// <param name="Notes">Caveats for the reader (overcomplete by construction, fixed transform, ...).</param>
/// <param name="Seconds">Wall time of this layer's analysis.</param>
/// <param name="Analysis">Every measure of MATH.md sections 1-4.</param>
/// <param name="ByConstruction">
/// True when the frame's shape or content is fixed by construction (depthwise kernel, single unit, fixed transform):
/// its measures are reported but say nothing about what training packed into it.
/// </param>
public sealed record LayerAnalysis(
    string Name,
    string Tensor,
    string Op,
    string Layer,
    IReadOnlyList<long> Shape,
    string Dtype,
    string Orientation,
    string OrientationDescription,
    int Features,
    int Hidden,
    string? Decoding,
    IReadOnlyList<string> Notes,
    double Seconds,
    FrameAnalysis Analysis,
    bool ByConstruction = false)
{
    /// <summary>WeightWatcher's per-slice conv statistics when HeavyTailOptions.ConvKernels is Slices and the layer is a conv kernel, else null.</summary>
    public ConvSliceResult? ConvSlices { get; init; }
}

/// <summary>A weight that was not analysed, with the reason (never dropped silently).</summary>
public sealed record SkippedLayer(string Name, string Op, IReadOnlyList<long> Shape, string Dtype, string Reason)
{
    /// <summary>True for an all-zero weight: a valid model's degenerate layer (measures undefined), not a failure.</summary>
    public bool Degenerate { get; init; }
}

/// <summary>Progress of a model analysis: layers done out of the total, and the one just finished (or started).</summary>
public sealed record LayerProgress(int Done, int Total, string Layer)
{
    /// <summary>True when <see cref="Layer"/> has just started (then <see cref="LayerEstimateSeconds"/> is its ETA), false when it finished.</summary>
    public bool Started { get; init; }

    /// <summary>Estimated wall time of <see cref="Layer"/> from its FLOPs and the rate measured so far; null before any layer finished.</summary>
    public double? LayerEstimateSeconds { get; init; }

    /// <summary>Wall time <see cref="Layer"/> took (when finished).</summary>
    public double? LayerSeconds { get; init; }

    /// <summary>Estimated wall time left for the whole run; null before any layer finished.</summary>
    public double? RemainingSeconds { get; init; }
}
