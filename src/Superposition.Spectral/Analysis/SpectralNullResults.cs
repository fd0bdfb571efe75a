namespace Superposition.Spectral.Analysis;

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
    double SoftRank);

/// <summary>All entries of W shuffled (seeded) and the spectrum recomputed.</summary>
/// <param name="Seed">Seed of the shuffle.</param>
/// <param name="SpectrumDistance">Σ_k |λ_k − λ'_k| / Σ_k λ_k over both descending spectra (0..2; shuffling keeps Σλ).</param>
/// <param name="LambdaMaxRatio">λ_max(shuffled) / λ_max.</param>
/// <param name="ShuffledLambdaMax">λ_max of the shuffled matrix.</param>
public sealed record ShuffleNullResult(int Seed, double SpectrumDistance, double LambdaMaxRatio, double ShuffledLambdaMax);
