namespace Superposition.Spectral.Measures;

/// <summary>Marchenko-Pastur null for the spectrum of WᵀW/N.</summary>
/// <param name="Sigma2">σ² = ‖W‖_F² / (N M).</param>
/// <param name="LambdaPlus">λ+ = σ² (1 + 1/sqrt(Q))².</param>
/// <param name="LambdaMinus">λ− = σ² (1 − 1/sqrt(Q))².</param>
/// <param name="ScaledLambdaMax">λ_max / N.</param>
/// <param name="SpikeCount">Eigenvalues of WᵀW/N above λ+ (no Tracy-Widom margin).</param>
/// <param name="Spikes">Those eigenvalues (scaled by 1/N), descending.</param>
/// <param name="SoftRank">λ+ / (λ_max/N).</param>
public sealed record MarchenkoPasturResult(
    double Sigma2,
    double LambdaPlus,
    double LambdaMinus,
    double ScaledLambdaMax,
    int SpikeCount,
    IReadOnlyList<double> Spikes,
    double SoftRank)
{
    /// <summary>The bulk fitted to the density as WeightWatcher's mp_fit; null when disabled (HeavyTailOptions.MarchenkoPasturFit).</summary>
    public MarchenkoPasturFitResult? Fit { get; init; }
}

/// <summary>The Marchenko–Pastur bulk fitted to the density (WeightWatcher's mp_fit), on the raw eigenvalues' scale.</summary>
/// <param name="Succeeded">True when a fit was made.</param>
/// <param name="Reason">Why not, else null.</param>
/// <param name="SigmaMp">Fitted σ of the rescaled spectrum (mean eigenvalue 1).</param>
/// <param name="WScale">sqrt(M'/Σλ): the rescaling applied to W before the fit.</param>
/// <param name="BulkMax">λ+ = (σ(1 + 1/sqrt(Q)))², back on the raw scale.</param>
/// <param name="BulkMin">λ− = (σ(1 − 1/sqrt(Q)))², raw scale.</param>
/// <param name="TracyWidomMargin">sqrt(Q^(−1/2) λ+^(2/3) M^(−2/3)) on the rescaled spectrum, here on the raw scale.</param>
/// <param name="SpikeCount">Eigenvalues above λ+ plus the Tracy–Widom margin (WeightWatcher's num_spikes).</param>
/// <param name="SoftRank">λ+ / λ_max (WeightWatcher's mp_softrank).</param>
public sealed record MarchenkoPasturFitResult(
    bool Succeeded,
    string? Reason,
    double? SigmaMp,
    double? WScale,
    double? BulkMax,
    double? BulkMin,
    double? TracyWidomMargin,
    int? SpikeCount,
    double? SoftRank);

/// <summary>All entries of W shuffled (seeded) and the spectrum recomputed.</summary>
/// <param name="Seed">Seed of the shuffle.</param>
/// <param name="SpectrumDistance">Σ_k |λ_k − λ'_k| / Σ_k λ_k over both descending spectra (0..2; shuffling keeps Σλ).</param>
/// <param name="LambdaMaxRatio">λ_max(shuffled) / λ_max.</param>
/// <param name="ShuffledLambdaMax">λ_max of the shuffled matrix.</param>
public sealed record ShuffleNullResult(int Seed, double SpectrumDistance, double LambdaMaxRatio, double ShuffledLambdaMax)
{
    /// <summary>Jensen–Shannon distance between the sorted ESD and the shuffled one, each normalised to sum 1 (WeightWatcher's rand_distance).</summary>
    public double JensenShannonDistance { get; init; }

    /// <summary>Shuffles pooled for the trap count: 5 when the layer has fewer than 100 eigenvalues, else 1 (as WeightWatcher).</summary>
    public int Replicas { get; init; }

    /// <summary>Correlation traps: eigenvalues of the shuffled weights above the fitted bulk plus the Tracy–Widom margin
    /// (WeightWatcher's rand_num_spikes); null when the MP fit is disabled or failed.</summary>
    public int? CorrelationTraps { get; init; }

    /// <summary>The MP fit of the pooled shuffled spectrum; null when disabled.</summary>
    public MarchenkoPasturFitResult? Fit { get; init; }

    /// <summary>True when the shuffled operator and its eigenvalues were computed in float32 (<see cref="HeavyTailOptions.NullSinglePrecisionAbove"/>).</summary>
    public bool SinglePrecision { get; init; }
}
