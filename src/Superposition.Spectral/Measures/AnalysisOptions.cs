namespace Superposition.Spectral.Measures;

/// <summary>
/// Options of <see cref="FrameAnalyzer.Analyze"/>. Every default is the value MATH.md states; tolerances on
/// eigenvalues are relative to λ_max so that the result does not depend on the scale of the weights.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>The defaults below.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>How eigenvalues are grouped into eigenspaces. Default <see cref="EigenspaceGrouping.Gaps"/> (relative gaps).</summary>
    public EigenspaceGrouping Grouping { get; init; } = EigenspaceGrouping.Gaps;

    /// <summary>Consecutive eigenvalues (descending) within this times λ_max form one eigenspace (fixed grouping; with gap
    /// grouping they always merge: degenerate to rounding). Default 1e-4.</summary>
    public double EigenspaceTolerance { get; init; } = 1e-4;

    /// <summary>Gap grouping: a run's log-gaps to its neighbours must be at least this times its spread. Default 10.</summary>
    public double GapRatio { get; init; } = 10;

    /// <summary>Gap grouping: the largest spread ln(λ_first/λ_last) of one eigenspace. Default 0.1 (about 10%).</summary>
    public double MaxGroupSpread { get; init; } = 0.1;

    /// <summary>Report the localized share under other groupings (one more O(n m²) pass). Default true.</summary>
    public bool GroupingSensitivity { get; init; } = true;

    /// <summary>Eigenvalues at or below this times λ_max count as zero (they define the rank). Default 1e-8.</summary>
    public double ZeroEigenvalueTolerance { get; init; } = 1e-8;

    /// <summary>Features with ‖w‖² at or below this (absolute) are dead: excluded from every measure and counted. Default 1e-14.</summary>
    public double DeadFeatureNormSquared { get; init; } = 1e-14;

    /// <summary>A feature is localized when its largest spectral mass q is at least this. Default 0.9.</summary>
    public double LocalizedThreshold { get; init; } = 0.9;

    /// <summary>Number of log-spaced bins of the binned spectral measure. Default 60.</summary>
    public int SpectralBins { get; init; } = 60;

    /// <summary>Include per-feature arrays in the result (n can be 50k: off by default, summaries are always there).</summary>
    public bool PerFeature { get; init; }

    /// <summary>Features kept in the spectral-measure map (evenly spaced; all when fewer). Default 0: no map.</summary>
    public int MeasureMapFeatures { get; init; }

    /// <summary>Features per block in the O(n m²) passes, bounding the extra memory to m × this doubles. Default 1024.</summary>
    public int FeatureBlockSize { get; init; } = 1024;

    /// <summary>Pairwise coherence, |cos| histogram and near-duplicate clusters.</summary>
    public CoherenceOptions Coherence { get; init; } = new();

    /// <summary>Heavy-tailed spectral statistics (MATH.md section 4).</summary>
    public HeavyTailOptions HeavyTail { get; init; } = new();

    /// <summary>Polytope classification of localized clusters (MATH.md section 3).</summary>
    public PolytopeOptions Polytopes { get; init; } = new();
}

/// <summary>Options of the pairwise (coherence) pass.</summary>
public sealed record CoherenceOptions
{
    /// <summary>Up to this many live features every pair is examined; above it a seeded sample is used. Default 65,536.</summary>
    public int ExactFeatureLimit { get; init; } = 65_536;

    /// <summary>
    /// Above this many live features the pair products run in float32 Gemm (about twice as fast), with the maximum and
    /// near-duplicates rechecked in float64 (docs/methods.md, "Streaming engine"). Default 4096.
    /// </summary>
    public int SinglePrecisionAbove { get; init; } = 4096;

    /// <summary>Pairs recomputed in float64 for the maximum before it falls back to the float32 value (stated). Default 10,000,000.</summary>
    public long MaxRechecks { get; init; } = 10_000_000;

    /// <summary>Sampled features when above <see cref="ExactFeatureLimit"/>; each is paired with every feature. Default 1024.</summary>
    public int SampleSize { get; init; } = 1024;

    /// <summary>Seed of the feature sample. Default 20251121.</summary>
    public int Seed { get; init; } = 20251121;

    /// <summary>Pairs with |cos| at or above this are near-duplicates and joined into clusters. Default 0.99.</summary>
    public double DuplicateThreshold { get; init; } = 0.99;

    /// <summary>Bins of the |cos| histogram on [0, 1]. Default 50.</summary>
    public int HistogramBins { get; init; } = 50;

    /// <summary>At most this many duplicate clusters are listed (largest first; the total is always counted). Default 100.</summary>
    public int MaxReportedClusters { get; init; } = 100;

    /// <summary>Features per tile of the pairwise Gemm. Default 1024.</summary>
    public int BlockSize { get; init; } = 1024;
}

/// <summary>Options of the heavy-tailed self-regularization statistics.</summary>
public sealed record HeavyTailOptions
{
    /// <summary>Eigenvalues (raw, of WᵀW on the smaller side) at or below this are dropped before fits. Default 1e-5.</summary>
    public double EigenvalueFloor { get; init; } = 1e-5;

    /// <summary>Candidate x_min of the power-law fit. Default <see cref="XMinRule.WeightWatcher"/> (every eigenvalue but the largest).</summary>
    public XMinRule XMinRule { get; init; } = XMinRule.WeightWatcher;

    /// <summary>With <see cref="XMinRule.MinimumTail"/>: a tail needs at least this many eigenvalues, else the fit fails. Default 10.</summary>
    public int MinTailSize { get; init; } = 10;

    /// <summary>A fit whose tail is shorter than this is flagged low-confidence (never hidden). Default 10.</summary>
    public int LowConfidenceTail { get; init; } = 10;

    /// <summary>Compute the shuffled-weights null (one more Syrk and eigenvalue solve). Default true.</summary>
    public bool ShuffleNull { get; init; } = true;

    /// <summary>Seed of the shuffle. Default 4242.</summary>
    public int ShuffleSeed { get; init; } = 4242;

    /// <summary>
    /// The shuffled operator and its eigenvalues in float32 (ssyrk, ssyevd) when its side, min(m, n), is above this,
    /// with a native LAPACK; float64 below. The null is one random draw: its seed-to-seed spread is far above float32
    /// rounding (docs/methods.md, "The streamed randomization null"). Default 2048.
    /// </summary>
    public int NullSinglePrecisionAbove { get; init; } = 2048;

    /// <summary>Fit the Marchenko–Pastur bulk to the density (WeightWatcher's mp_fit) and count spikes above λ+ plus the
    /// Tracy–Widom margin; with the shuffle, also count correlation traps. Default true.</summary>
    public bool MarchenkoPasturFit { get; init; } = true;

    /// <summary>Conv kernels: our flattened frame only (default), or also WeightWatcher's pooled [out, in] slices
    /// (<see cref="ConvSliceResult"/>, attached by ConvSliceSpectrum.Attach). Default <see cref="ConvKernels.Flattened"/>.</summary>
    public ConvKernels ConvKernels { get; init; } = ConvKernels.Flattened;

    /// <summary>α below this is labelled over-fit (WeightWatcher's band). Default 2.</summary>
    public double OverfitAlpha { get; init; } = 2.0;

    /// <summary>α above this is labelled under-trained (WeightWatcher's band). Default 6.</summary>
    public double UndertrainedAlpha { get; init; } = 6.0;
}

/// <summary>Options of the polytope classification.</summary>
public sealed record PolytopeOptions
{
    /// <summary>Absolute tolerance on cosines: for distinct values and for matching a template. Default 0.02.</summary>
    public double CosineTolerance { get; init; } = 0.02;

    /// <summary>Larger localized clusters are reported with template "none" and a reason. Default 64.</summary>
    public int MaxClusterSize { get; init; } = 64;

    /// <summary>At most this many clusters are listed (largest first). Default 200.</summary>
    public int MaxReportedClusters { get; init; } = 200;

    /// <summary>A cluster is tight in its eigenspace when τ_C is at most this (and it spans the eigenspace). Default 1e-3.</summary>
    public double ClusterTightTolerance { get; init; } = 1e-3;

    /// <summary>A tight cluster passes idempotency when ‖P² − P‖_F/‖P‖_F ≤ this, P = (k/n_C)·G_C. Default 0.05.</summary>
    public double IdempotencyTolerance { get; init; } = 0.05;
}
