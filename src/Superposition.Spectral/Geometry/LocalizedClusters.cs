using System.Globalization;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Geometry;

/// <summary>
/// Clusters localized features by dominant eigenspace; for each cluster its tightness inside the eigenspace, the
/// association-scheme test, and a polytope name only when the scheme test passes (MATH.md section 3).
/// </summary>
internal static class LocalizedClusters
{
    public static PolytopeResult Compute(
        ILinearAlgebraBackend backend,
        LiveFrame frame,
        FrameSpectrum spectrum,
        FeatureMeasures measures,
        AnalysisOptions options)
    {
        var byGroup = new SortedDictionary<int, List<int>>();
        var localized = 0;
        for (var i = 0; i < frame.N; i++)
        {
            var group = measures.Dominant[i];
            if (measures.Q[i] < options.LocalizedThreshold || spectrum.Groups[group].IsNull)
            {
                continue;
            }

            localized++;
            if (!byGroup.TryGetValue(group, out var list))
            {
                list = [];
                byGroup[group] = list;
            }

            list.Add(i);
        }

        var dedicated = byGroup.Values.Count(l => l.Count == 1);
        var clusters = byGroup
            .Where(pair => pair.Value.Count >= 2)
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => pair.Key)
            .ToList();
        var reported = clusters
            .Take(options.Polytopes.MaxReportedClusters)
            .Select(pair => Classify(backend, frame, spectrum, pair.Key, pair.Value, options))
            .ToList();
        return new PolytopeResult(localized, dedicated, clusters.Count, reported);
    }

    /// <summary>The reported name: the cosine match when the scheme test passed, "cosine pattern of …" when it did not.</summary>
    internal static string Name(string cosineMatch, SchemeTest scheme) =>
        cosineMatch == PolytopeClassifier.None || scheme.Passed ? cosineMatch : $"cosine pattern of {cosineMatch}";

    /// <summary>The scheme test of a cluster whose cosines matched <paramref name="cosineMatch"/>; a tegum's parts are tested one by one.</summary>
    internal static SchemeTest Scheme(IReadOnlyList<double[]> points, string cosineMatch, List<List<int>>? parts, double[]? projector, PolytopeOptions options)
    {
        var whole = AssociationScheme.Test(points, options.CosineTolerance, projector, options.IdempotencyTolerance);
        if (parts is null || !cosineMatch.StartsWith("tegum(", StringComparison.Ordinal))
        {
            return whole;
        }

        var tests = parts.Select(p => AssociationScheme.Test(p.Select(i => points[i]).ToArray(), options.CosineTolerance, null, options.IdempotencyTolerance)).ToList();
        return AssociationScheme.WithParts(whole, tests);
    }

    private static PolytopeCluster Classify(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, int index, List<int> members, AnalysisOptions analysis)
    {
        var options = analysis.Polytopes;
        var group = spectrum.Groups[index];
        var inputIndices = members.Select(i => frame.Index[i]).ToArray();
        if (members.Count > options.MaxClusterSize)
        {
            return new PolytopeCluster(index, group.Value, group.Count, inputIndices, PolytopeClassifier.None, [],
                string.Create(CultureInfo.InvariantCulture, $"{members.Count} features: above the classification limit of {options.MaxClusterSize}"));
        }

        var (tightness, span, projector) = ClusterTightness.Compute(backend, frame, spectrum, group, members, analysis.ZeroEigenvalueTolerance);
        var tight = tightness <= options.ClusterTightTolerance && span == group.Count;
        var points = members.Select(i => Unit(frame, i)).ToArray();
        var (match, distinct, parts) = PolytopeClassifier.ClassifyWithParts(points, options.CosineTolerance);
        var scheme = Scheme(points, match, parts, tight ? projector : null, options);
        return new PolytopeCluster(index, group.Value, group.Count, inputIndices, Name(match, scheme), distinct, null)
        {
            CosineMatch = match,
            Tightness = tightness,
            SpanDimension = span,
            Tight = tight,
            Scheme = scheme,
        };
    }

    private static double[] Unit(LiveFrame frame, int i)
    {
        var v = frame.Weights.AsSpan(i * frame.M, frame.M).ToArray();
        var scale = 1.0 / Math.Sqrt(frame.NormSquared[i]);
        for (var k = 0; k < v.Length; k++)
        {
            v[k] *= scale;
        }

        return v;
    }
}
