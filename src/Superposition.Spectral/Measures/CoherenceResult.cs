namespace Superposition.Spectral.Measures;

/// <summary>
/// Coherence of the unit features. The mean squared coherence is exact from ‖Ŵ Ŵᵀ‖_F² for every n; max, mean |cos|,
/// histogram and duplicate clusters come from pairwise products, all pairs up to ExactFeatureLimit live features,
/// otherwise every pair with at least one feature in a seeded sample.
/// </summary>
/// <param name="Exact">True when every pair was examined.</param>
/// <param name="SampledFeatures">Features in the sample (= live features when exact).</param>
/// <param name="SampleSeed">Seed of the sample, null when exact.</param>
/// <param name="PairsExamined">Unordered pairs examined.</param>
/// <param name="MaxCoherence">max |cos| over examined pairs (a lower bound on the true max when sampled); null with fewer than 2 features.</param>
/// <param name="MeanAbsCosine">Mean |cos| over examined pairs; null with fewer than 2 features.</param>
/// <param name="MeanSquaredCoherence">(‖Ŵ Ŵᵀ‖_F² − n)/(n(n−1)), exact; null with fewer than 2 features.</param>
/// <param name="MeanSquaredFromPairs">Mean cos² over examined pairs (equals the exact value when exact).</param>
/// <param name="WelchBound">sqrt((n−m)/(m(n−1))) for n &gt; m, else 0: μ_max can never be below it.</param>
/// <param name="WelchBoundMeanSquared">max(0, (n−m)/(m(n−1))): mean squared coherence can never be below it.</param>
/// <param name="RandomMeanSquared">1/m, random isotropic directions.</param>
/// <param name="RandomMeanAbsCosine">sqrt(2/(π m)), random Gaussian directions.</param>
/// <param name="HistogramEdges">Edges of the |cos| histogram on [0, 1].</param>
/// <param name="HistogramCounts">Examined pairs per bin: bin floor(|cos| · bins + 1e-9) (within 1e-9 of an edge counts
/// above it, so exact cosines do not depend on rounding); |cos| = 1 goes to the last bin.</param>
/// <param name="DuplicateThreshold">|cos| at or above which two features are near-duplicates.</param>
/// <param name="DuplicateClusterCount">Connected clusters of near-duplicates (size ≥ 2) found.</param>
/// <param name="FeaturesInDuplicateClusters">Features in those clusters.</param>
/// <param name="DuplicateClusters">The largest clusters (at most MaxReportedClusters).</param>
/// <param name="Note">Why a value is null, or that values come from a sample.</param>
public sealed record CoherenceResult(
    bool Exact,
    int SampledFeatures,
    int? SampleSeed,
    long PairsExamined,
    double? MaxCoherence,
    double? MeanAbsCosine,
    double? MeanSquaredCoherence,
    double? MeanSquaredFromPairs,
    double WelchBound,
    double WelchBoundMeanSquared,
    double RandomMeanSquared,
    double RandomMeanAbsCosine,
    IReadOnlyList<double> HistogramEdges,
    IReadOnlyList<long> HistogramCounts,
    double DuplicateThreshold,
    int DuplicateClusterCount,
    int FeaturesInDuplicateClusters,
    IReadOnlyList<DuplicateCluster> DuplicateClusters,
    string? Note);

/// <summary>Features joined by |cos| ≥ the duplicate threshold (connected components).</summary>
/// <param name="Members">Feature indices (input numbering), ascending.</param>
/// <param name="MinLinkAbsCosine">Smallest |cos| among the links that joined them.</param>
/// <param name="MeanNorm">Mean ‖w‖ of the members (collapsed unused classes have small norms).</param>
public sealed record DuplicateCluster(IReadOnlyList<int> Members, double MinLinkAbsCosine, double MeanNorm);
