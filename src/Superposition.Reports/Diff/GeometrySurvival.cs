using Superposition.Spectral.Measures;

namespace Superposition.Reports.Diff;

/// <summary>One localized cluster of A and its best match in B.</summary>
/// <param name="Members">A's cluster members (input feature numbers).</param>
/// <param name="TemplateA">A's classification (PolytopeCluster.Template).</param>
/// <param name="MatchMembers">The members of B's cluster with the largest overlap; empty when none overlaps.</param>
/// <param name="TemplateB">That cluster's classification; null when none overlaps.</param>
/// <param name="Overlap">Jaccard index |A ∩ B| / |A ∪ B| of the two member sets (0 when none overlaps).</param>
/// <param name="Outcome">"kept" (same members, same template), "changed" (overlap ≥ <see cref="GeometrySurvival.MatchOverlap"/>,
/// members or template differ) or "lost" (no B cluster overlaps that much).</param>
public sealed record ClusterMatch(IReadOnlyList<int> Members, string TemplateA, IReadOnlyList<int> MatchMembers, string? TemplateB, double Overlap, string Outcome);

/// <summary>
/// Whether a layer's feature geometry (its localized clusters and their polytope classification, MATH.md §3) is the
/// same in B as in A (docs/methods.md, "Geometry survival"). Features are paired by index, so it needs equal feature
/// counts. The verdict and its threshold live here only.
/// </summary>
/// <param name="Verdict">"survived": every cluster of A kept and B has no other; "lost": every cluster of A lost;
/// "changed": anything between, or clusters only in B; "no clusters": neither frame has a localized cluster.</param>
/// <param name="ClustersA">Clusters of two or more localized features in A (all of them, classified or not).</param>
/// <param name="ClustersB">The same in B.</param>
/// <param name="Matches">A's classified clusters (the reported ones), each with its best match in B.</param>
/// <param name="UnmatchedB">Reported clusters of B that are nobody's best match.</param>
public sealed record GeometrySurvival(string Verdict, int ClustersA, int ClustersB, IReadOnlyList<ClusterMatch> Matches, int UnmatchedB)
{
    /// <summary>A cluster of A is matched by a cluster of B when their member sets have Jaccard index at least this.</summary>
    public const double MatchOverlap = 0.5;

    public const string Survived = "survived";
    public const string Changed = "changed";
    public const string Lost = "lost";
    public const string NoClusters = "no clusters";

    /// <summary>The comparison of A's and B's localized clusters; null when the feature counts differ.</summary>
    public static GeometrySurvival? Of(FrameAnalysis a, FrameAnalysis b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.FeatureCount != b.FeatureCount) return null;
        var clustersB = b.Polytopes.Clusters.Select(c => (Cluster: c, Members: c.Members.ToHashSet())).ToList();
        var matched = new HashSet<int>();
        var matches = new List<ClusterMatch>();
        foreach (var cluster in a.Polytopes.Clusters)
        {
            var members = cluster.Members.ToHashSet();
            int best = -1;
            double overlap = 0;
            for (int j = 0; j < clustersB.Count; j++)
            {
                double jaccard = Jaccard(members, clustersB[j].Members);
                if (jaccard > overlap) (best, overlap) = (j, jaccard);
            }

            if (best < 0 || overlap < MatchOverlap)
            {
                matches.Add(new ClusterMatch(cluster.Members, cluster.Template, best < 0 ? [] : clustersB[best].Cluster.Members, best < 0 ? null : clustersB[best].Cluster.Template, overlap, Lost));
                continue;
            }

            matched.Add(best);
            var match = clustersB[best].Cluster;
            bool kept = overlap == 1 && match.Template == cluster.Template;
            matches.Add(new ClusterMatch(cluster.Members, cluster.Template, match.Members, match.Template, overlap, kept ? "kept" : Changed));
        }

        int unmatchedB = clustersB.Count - matched.Count;
        string verdict = (a.Polytopes.ClusterCount, b.Polytopes.ClusterCount) switch
        {
            (0, 0) => NoClusters,
            (0, _) => Changed,
            _ when matches.All(m => m.Outcome == Lost) => Lost,
            _ when matches.All(m => m.Outcome == "kept") && unmatchedB == 0 && a.Polytopes.ClusterCount == b.Polytopes.ClusterCount => Survived,
            _ => Changed,
        };
        return new GeometrySurvival(verdict, a.Polytopes.ClusterCount, b.Polytopes.ClusterCount, matches, unmatchedB);
    }

    private static double Jaccard(HashSet<int> x, HashSet<int> y)
    {
        int common = x.Count(y.Contains);
        return common == 0 ? 0 : (double)common / (x.Count + y.Count - common);
    }
}
