using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Frames;

internal static partial class PairwiseCoherence
{
    /// <summary>
    /// Running statistics over the examined pairs. Near-duplicate links are merged as they come (union-find with the
    /// smallest link per cluster), so memory stays O(n) even when thousands of features collapse onto one direction.
    /// </summary>
    private sealed class PairAccumulator
    {
        private const double EdgeSlack = 1e-9;

        private readonly int _bins;
        private readonly double _duplicateThreshold;
        private readonly DisjointSets _sets;
        private readonly double[] _minLink;
        private readonly bool[] _linked;

        public PairAccumulator(int n, int bins, double duplicateThreshold)
        {
            _bins = bins;
            _duplicateThreshold = duplicateThreshold;
            _sets = new DisjointSets(n);
            _minLink = new double[n];
            Array.Fill(_minLink, double.PositiveInfinity);
            _linked = new bool[n];
            Histogram = new long[bins];
        }

        public long Count { get; private set; }

        public double Max { get; private set; }

        public double SumAbs { get; private set; }

        public double SumSquares { get; private set; }

        public long[] Histogram { get; }

        public void Add(int i, int j, double cosine)
        {
            var a = Math.Min(1.0, Math.Abs(cosine));
            Count++;
            SumAbs += a;
            SumSquares += cosine * cosine;
            Max = Math.Max(Max, a);

            // A value within 1e-9 bin widths below an edge counts in the upper bin, so exact cosines such as
            // 1/2 land in the same bin whatever the rounding of the backend.
            Histogram[Math.Min(_bins - 1, (int)((a * _bins) + EdgeSlack))]++;
            if (a >= _duplicateThreshold)
            {
                var min = Math.Min(a, Math.Min(_minLink[_sets.Find(i)], _minLink[_sets.Find(j)]));
                _sets.Union(i, j);
                _minLink[_sets.Find(i)] = min;
                _linked[i] = true;
                _linked[j] = true;
            }
        }

        public IReadOnlyList<DuplicateCluster> Clusters(LiveFrame frame, int maxReported, out int clusterCount, out int featuresInClusters)
        {
            var members = new Dictionary<int, List<int>>();
            for (var f = 0; f < _linked.Length; f++)
            {
                if (!_linked[f])
                {
                    continue;
                }

                var root = _sets.Find(f);
                if (!members.TryGetValue(root, out var list))
                {
                    list = [];
                    members[root] = list;
                }

                list.Add(f);
            }

            // Members are added in ascending feature order; clusters sorted largest first, then by first member.
            var clusters = members
                .Select(pair => (Root: pair.Key, Members: pair.Value))
                .OrderByDescending(c => c.Members.Count)
                .ThenBy(c => c.Members[0])
                .ToList();
            clusterCount = clusters.Count;
            featuresInClusters = clusters.Sum(c => c.Members.Count);
            return clusters
                .Take(maxReported)
                .Select(c => new DuplicateCluster(
                    c.Members.Select(f => frame.Index[f]).ToArray(),
                    _minLink[c.Root],
                    c.Members.Average(f => Math.Sqrt(frame.NormSquared[f]))))
                .ToList();
        }
    }
}
