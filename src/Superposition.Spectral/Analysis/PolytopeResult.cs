namespace Superposition.Spectral.Analysis;

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
/// "octahedron", "cross-polytope-d", "square-antiprism", "tegum(a, b, ...)", or "none".</param>
/// <param name="DistinctCosines">Distinct values of ŵ_i·ŵ_j (i ≠ j) within the cluster, ascending, to the tolerance.</param>
/// <param name="Note">Why the template is "none" when that has a reason (too large), else null.</param>
public sealed record PolytopeCluster(
    int Eigenspace,
    double EigenspaceValue,
    int Multiplicity,
    IReadOnlyList<int> Members,
    string Template,
    IReadOnlyList<double> DistinctCosines,
    string? Note);
