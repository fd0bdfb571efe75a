namespace Superposition.Spectral.Measures;

/// <summary>The spectrum of the frame operator F = W Wᵀ (live features only).</summary>
/// <param name="Eigenvalues">All m eigenvalues, descending (tiny negative rounding values clamped to 0).</param>
/// <param name="LambdaMax">Largest eigenvalue.</param>
/// <param name="Trace">tr F = ‖W‖_F².</param>
/// <param name="Rank">Number of eigenvalues above <paramref name="ZeroThreshold"/>.</param>
/// <param name="ZeroThreshold">Absolute threshold: ZeroEigenvalueTolerance · λ_max.</param>
/// <param name="GroupingTolerance">Absolute grouping tolerance: EigenspaceTolerance · λ_max.</param>
/// <param name="Eigenspaces">Eigenspaces of the nonzero eigenvalues, descending, then the null space (value 0) if rank &lt; m.</param>
/// <param name="BinEdges">The SpectralBins + 1 log-spaced edges from the smallest positive to the largest eigenvalue (eigenspace
/// values: each eigenvalue is binned by its eigenspace's mean, so an exact degeneracy is never split across bins).</param>
/// <param name="Bins">One entry per bin, in the order of the edges (ascending).</param>
public sealed record SpectrumResult(
    IReadOnlyList<double> Eigenvalues,
    double LambdaMax,
    double Trace,
    int Rank,
    double ZeroThreshold,
    double GroupingTolerance,
    IReadOnlyList<EigenspaceSummary> Eigenspaces,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<BinSummary> Bins);

/// <summary>One eigenspace of F and what the features put in it.</summary>
/// <param name="Index">Position in <see cref="SpectrumResult.Eigenspaces"/>.</param>
/// <param name="Value">Group mean eigenvalue (0 for the null space).</param>
/// <param name="Multiplicity">Dimension of the eigenspace.</param>
/// <param name="IsNullSpace">True for the eigenvalues counted as zero.</param>
/// <param name="TotalMass">Σ_i μ_i(λ) over live features.</param>
/// <param name="DominantFeatures">Live features whose largest mass lies here.</param>
/// <param name="LocalizedFeatures">Of those, the ones with q ≥ LocalizedThreshold.</param>
public sealed record EigenspaceSummary(
    int Index,
    double Value,
    int Multiplicity,
    bool IsNullSpace,
    double TotalMass,
    int DominantFeatures,
    int LocalizedFeatures);

/// <summary>One log-spaced bin of the positive spectrum.</summary>
/// <param name="Lower">Lower edge.</param>
/// <param name="Upper">Upper edge.</param>
/// <param name="EigenvalueCount">Eigenvalues in the bin.</param>
/// <param name="TotalMass">Σ_i μ_i(bin) over live features.</param>
public sealed record BinSummary(double Lower, double Upper, int EigenvalueCount, double TotalMass);
