namespace Superposition.Spectral.Measures;

/// <summary>
/// Everything MATH.md sections 1-4 define for one frame. Plain data: serializes with System.Text.Json
/// (camelCase web defaults); no NaN or infinity anywhere - an undefined number is null with a reason.
/// </summary>
/// <param name="Name">The input's name.</param>
/// <param name="Backend">Name of the linear-algebra backend that computed it.</param>
/// <param name="HiddenDimensions">m.</param>
/// <param name="FeatureCount">n, including dead features.</param>
/// <param name="LiveFeatureCount">n minus the dead features; every per-feature measure is over these.</param>
/// <param name="DeadFeatures">Indices of dead features (‖w‖² ≤ the dead threshold).</param>
/// <param name="Spectrum">Eigenvalues of F = W Wᵀ, eigenspaces, bins.</param>
/// <param name="Localization">Spectral measure and localization scores.</param>
/// <param name="Capacity">Feature dimensionality, leverage and the capacity identity.</param>
/// <param name="Geometry">Tightness and frame potential.</param>
/// <param name="Coherence">Pairwise cosines of the unit features.</param>
/// <param name="HeavyTail">Heavy-tailed spectral statistics of the weight matrix.</param>
/// <param name="Polytopes">Localized clusters and the polytope each one matches.</param>
/// <param name="PerFeature">Per-feature arrays when <see cref="AnalysisOptions.PerFeature"/> is set, else null.</param>
/// <param name="Options">The options used.</param>
public sealed record FrameAnalysis(
    string Name,
    string Backend,
    int HiddenDimensions,
    int FeatureCount,
    int LiveFeatureCount,
    IReadOnlyList<int> DeadFeatures,
    SpectrumResult Spectrum,
    LocalizationResult Localization,
    CapacityResult Capacity,
    FrameGeometryResult Geometry,
    CoherenceResult Coherence,
    HeavyTailResult HeavyTail,
    PolytopeResult Polytopes,
    PerFeatureMeasures? PerFeature,
    AnalysisOptions Options)
{
    /// <summary>The binned measure of sampled features, when <see cref="AnalysisOptions.MeasureMapFeatures"/> is set.</summary>
    public MeasureMap? MeasureMap { get; init; }

    /// <summary>The eigenspace grouping used (MATH.md section 3).</summary>
    public EigenspaceGroupingResult? Grouping { get; init; }

    /// <summary>Localized share under gap grouping and fixed tolerances; null when AnalysisOptions.GroupingSensitivity is off.</summary>
    public IReadOnlyList<GroupingSensitivityRow>? GroupingSensitivity { get; init; }
}
