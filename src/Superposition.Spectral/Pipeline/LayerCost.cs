using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Floating-point operations and peak bytes of one layer's analysis, from its shape alone (docs/methods.md,
/// "Streaming engine"). The FLOP count schedules layers (largest first), balances shards and gives the progress ETA;
/// the byte count is what the memory budget admits.
/// </summary>
public static class LayerCost
{
    /// <summary>
    /// FLOPs of the double-precision passes (n features in m dimensions, n ≥ m after orientation): Syrk for F and for
    /// Ŵ Ŵᵀ and the shuffle null (3 × n m²), projections Uᵀ W (2 n m²), the leverage (3 n m²: CholeskyQR2 takes
    /// about 5, the refined eigenbasis of a rank-deficient layer about 6; the estimate keeps one figure), two
    /// eigensolves (9 m³ with vectors, 4/3 m³ values only: Golub and Van Loan's counts for the symmetric QR algorithm); plus the pair scan, 2 m per pair, counted at half in
    /// float32 Gemm (twice the double rate on this hardware).
    /// </summary>
    public static double Flops(long features, long hidden, CoherenceOptions coherence)
    {
        double n = Math.Max(features, hidden), m = Math.Min(features, hidden);
        double dense = (8 * n * m * m) + (10.3 * m * m * m);
        double pairs = n <= coherence.ExactFeatureLimit ? n * (n - 1) / 2 : Math.Min(n, coherence.SampleSize) * n;
        double scan = 2 * m * pairs * (n > coherence.SinglePrecisionAbove ? 0.5 : 1.0);
        return dense + scan;
    }

    /// <summary>
    /// True when part of the layer's analysis may run in float32: the pair scan above
    /// <see cref="CoherenceOptions.SinglePrecisionAbove"/> features (the larger side, an upper bound on the live
    /// features) or the randomization null above <see cref="HeavyTailOptions.NullSinglePrecisionAbove"/> (its side is the
    /// smaller one). float32 sums move by ~1e-7 with the BLAS thread count, so such layers always run alone with every
    /// thread (<see cref="ModelAnalysisOptions.SoloLayerFlops"/>): a shard then computes them as the whole run does.
    /// </summary>
    internal static bool HasSinglePrecisionPart(WeightMatrix matrix, AnalysisOptions options) =>
        Math.Max(matrix.Rows, matrix.Columns) > options.Coherence.SinglePrecisionAbove
        || (options.HeavyTail.ShuffleNull && Math.Min(matrix.Rows, matrix.Columns) > options.HeavyTail.NullSinglePrecisionAbove);

    /// <summary>FLOPs of a weight matrix's analysis with the given options.</summary>
    public static double Flops(WeightMatrix matrix, AnalysisOptions options) => Flops(matrix.Rows, matrix.Columns, options.Coherence);

    /// <summary>
    /// Peak bytes of one layer: the frame once in double (8 n m); the m × m operator with dsyevd's workspace (2 m²),
    /// the whitened eigenbasis and the refinement's Gram of the leverage (or L₁, L₂ of CholeskyQR2): 6 m² doubles in
    /// all; block buffers (4 blocks of m × 1024) and about 40 per-feature doubles. The randomization null is streamed
    /// (no shuffled copy). Without a native LQ the thin SVD of Wᵀ adds three n × m arrays (transpose, V and LAPACK's
    /// workspace).
    /// </summary>
    public static long Bytes(long features, long hidden, bool streamingLeverage = true)
    {
        long n = Math.Max(features, hidden), m = Math.Min(features, hidden);
        long copies = streamingLeverage ? 1 : 4;
        return sizeof(double) * ((copies * n * m) + (6 * m * m) + (4 * m * Math.Min(n, 1024)) + (40 * n));
    }
}
