using System.Globalization;
using Superposition.Spectral.Analysis;
using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Geometry;

/// <summary>Clusters localized features by dominant eigenspace and classifies each cluster (MATH.md section 3).</summary>
internal static class LocalizedClusters
{
    public static PolytopeResult Compute(
        LiveFrame frame,
        FrameSpectrum spectrum,
        FeatureMeasures measures,
        double localizedThreshold,
        PolytopeOptions options)
    {
        var byGroup = new SortedDictionary<int, List<int>>();
        var localized = 0;
        for (var i = 0; i < frame.N; i++)
        {
            var group = measures.Dominant[i];
            if (measures.Q[i] < localizedThreshold || spectrum.Groups[group].IsNull)
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
            .Take(options.MaxReportedClusters)
            .Select(pair => Classify(frame, spectrum.Groups[pair.Key], pair.Key, pair.Value, options))
            .ToList();
        return new PolytopeResult(localized, dedicated, clusters.Count, reported);
    }

    private static PolytopeCluster Classify(LiveFrame frame, EigenGroup group, int index, List<int> members, PolytopeOptions options)
    {
        var inputIndices = members.Select(i => frame.Index[i]).ToArray();
        if (members.Count > options.MaxClusterSize)
        {
            return new PolytopeCluster(index, group.Value, group.Count, inputIndices, PolytopeClassifier.None, [],
                string.Create(CultureInfo.InvariantCulture, $"{members.Count} features: above the classification limit of {options.MaxClusterSize}"));
        }

        var points = members.Select(i => Unit(frame, i)).ToArray();
        var (template, distinct) = PolytopeClassifier.Classify(points, options.CosineTolerance);
        return new PolytopeCluster(index, group.Value, group.Count, inputIndices, template, distinct, null);
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
