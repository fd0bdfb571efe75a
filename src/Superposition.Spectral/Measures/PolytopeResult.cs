namespace Superposition.Spectral.Measures;

/// <summary>
/// Localized features (q ≥ LocalizedThreshold on eigenspaces) clustered by their dominant eigenspace, each cluster
/// classified by its distinct cosines (MATH.md section 3).
/// </summary>
/// <param name="LocalizedFeatures">Live features that are localized.</param>
/// <param name="DedicatedFeatures">Localized features alone in their eigenspace (a dimension of their own).</param>
/// <param name="ClusterCount">Clusters of two or more localized features.</param>
/// <param name="Clusters">The largest clusters (at most MaxReportedClusters), largest first.</param>
public sealed record PolytopeResult(
    int LocalizedFeatures,
    int DedicatedFeatures,
    int ClusterCount,
    IReadOnlyList<PolytopeCluster> Clusters);

/// <summary>One cluster of localized features sharing a dominant eigenspace.</summary>
/// <param name="Eigenspace">Index into <see cref="SpectrumResult.Eigenspaces"/>.</param>
/// <param name="EigenspaceValue">Its eigenvalue.</param>
/// <param name="Multiplicity">Its dimension.</param>
/// <param name="Members">Feature indices (input numbering), ascending.</param>
/// <param name="Template">"digon", "triangle", "square", "pentagon", "k-gon", "tetrahedron", "simplex-k",
/// "octahedron", "cross-polytope-d", "square-antiprism", "tegum(a, b, ...)", "orthogonal" - only when the association-scheme
/// test passed; "cosine pattern of X" when the cosines match X but the scheme test failed; or "none".</param>
/// <param name="DistinctCosines">Distinct values of ŵ_i·ŵ_j (i ≠ j) within the cluster, ascending, to the tolerance.</param>
/// <param name="Note">Why the template is "none" when that has a reason (too large), else null.</param>
public sealed record PolytopeCluster(
    int Eigenspace,
    double EigenspaceValue,
    int Multiplicity,
    IReadOnlyList<int> Members,
    string Template,
    IReadOnlyList<double> DistinctCosines,
    string? Note)
{
    /// <summary>The template the sorted cosines alone match ("none" when none does), before the scheme test.</summary>
    public string CosineMatch { get; init; } = "none";

    /// <summary>τ_C = k·tr(F_C²)/tr(F_C)² − 1 of the cluster inside its eigenspace (F_C = B Bᵀ, B = U_λᵀ W_C); null when not classified.</summary>
    public double? Tightness { get; init; }

    /// <summary>Dimension spanned by the cluster's features inside the eigenspace (compare <see cref="Multiplicity"/>); null when not classified.</summary>
    public int? SpanDimension { get; init; }

    /// <summary>τ_C within PolytopeOptions.ClusterTightTolerance and the cluster spans its eigenspace.</summary>
    public bool Tight { get; init; }

    /// <summary>The association-scheme test; null when the cluster was too large to classify.</summary>
    public SchemeTest? Scheme { get; init; }
}
