using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        private const int HistogramLanes = 4;

        private readonly int _bins;
        private readonly double _duplicateThreshold;
        private readonly DisjointSets _sets;
        private readonly double[] _minLink;
        private readonly bool[] _linked;

        // Consecutive pairs count into different copies of the histogram: most |cos| fall in a few bins, and one
        // counter incremented pair after pair would chain every increment through memory.
        private readonly long[] _lanes;

        public PairAccumulator(int n, int bins, double duplicateThreshold)
        {
            _bins = bins;
            _duplicateThreshold = duplicateThreshold;
            _sets = new DisjointSets(n);
            _minLink = new double[n];
            Array.Fill(_minLink, double.PositiveInfinity);
            _linked = new bool[n];
            _lanes = new long[HistogramLanes * bins];
        }

        public long Count { get; private set; }

        public double Max { get; private set; }

        public double SumAbs { get; private set; }

        public double SumSquares { get; private set; }

        /// <summary>The |cos| histogram: the sum of the lanes (integer counts, so the order does not matter).</summary>
        public long[] Histogram
        {
            get
            {
                var total = new long[_bins];
                for (var lane = 0; lane < HistogramLanes; lane++)
                {
                    for (var b = 0; b < _bins; b++) total[b] += _lanes[(lane * _bins) + b];
                }

                return total;
            }
        }

        /// <summary>
        /// The pairs (firstRow + k, j) for k = 0 … cosines.Length − 1, in that order: the same additions in the same
        /// order as <see cref="Add"/> one by one (so the same sums to the last bit), with the running statistics in
        /// locals and the rare paths (recheck, near-duplicate) out of the loop.
        /// </summary>
        public void AddColumn<T>(ReadOnlySpan<T> cosines, int firstRow, int j, PairRecheck? recheck)
            where T : unmanaged
        {
            if (cosines.IsEmpty) return;
            if (typeof(T) == typeof(float))
            {
                AddColumn(MemoryMarshal.Cast<T, float>(cosines), firstRow, j, recheck);
            }
            else
            {
                AddColumn(MemoryMarshal.Cast<T, double>(cosines), firstRow, j, recheck);
            }
        }

        private void AddColumn(ReadOnlySpan<float> cosines, int firstRow, int j, PairRecheck? recheck)
        {
            double sumAbs = SumAbs, sumSquares = SumSquares, max = Max;
            var threshold = recheck?.Threshold ?? double.PositiveInfinity;
            ref var lanes = ref MemoryMarshal.GetArrayDataReference(_lanes);
            int bins = _bins, top = _bins - 1;
            for (var k = 0; k < cosines.Length; k++)
            {
                double cosine = cosines[k];
                var abs = Math.Abs(cosine);
                if (abs >= threshold)
                {
                    cosine = recheck!.Check(firstRow + k, j, cosine);
                    threshold = recheck.Threshold;
                    abs = Math.Abs(cosine);
                }

                // The weights are finite (FrameInput checks), so these are Math.Min/Max without the NaN cases.
                var a = abs < 1.0 ? abs : 1.0;
                sumAbs += a;
                sumSquares += cosine * cosine;
                max = a > max ? a : max;
                var bin = (int)((a * bins) + EdgeSlack);
                Unsafe.Add(ref lanes, ((k & (HistogramLanes - 1)) * bins) + (bin < top ? bin : top))++;
                if (a >= _duplicateThreshold) Link(firstRow + k, j, a);
            }

            Count += cosines.Length;
            (SumAbs, SumSquares, Max) = (sumAbs, sumSquares, max);
        }

        private void AddColumn(ReadOnlySpan<double> cosines, int firstRow, int j, PairRecheck? recheck)
        {
            double sumAbs = SumAbs, sumSquares = SumSquares, max = Max;
            var threshold = recheck?.Threshold ?? double.PositiveInfinity;
            ref var lanes = ref MemoryMarshal.GetArrayDataReference(_lanes);
            int bins = _bins, top = _bins - 1;
            for (var k = 0; k < cosines.Length; k++)
            {
                var cosine = cosines[k];
                var abs = Math.Abs(cosine);
                if (abs >= threshold)
                {
                    cosine = recheck!.Check(firstRow + k, j, cosine);
                    threshold = recheck.Threshold;
                    abs = Math.Abs(cosine);
                }

                var a = abs < 1.0 ? abs : 1.0;
                sumAbs += a;
                sumSquares += cosine * cosine;
                max = a > max ? a : max;
                var bin = (int)((a * bins) + EdgeSlack);
                Unsafe.Add(ref lanes, ((k & (HistogramLanes - 1)) * bins) + (bin < top ? bin : top))++;
                if (a >= _duplicateThreshold) Link(firstRow + k, j, a);
            }

            Count += cosines.Length;
            (SumAbs, SumSquares, Max) = (sumAbs, sumSquares, max);
        }

        public void Add(int i, int j, double cosine)
        {
            var a = Math.Min(1.0, Math.Abs(cosine));
            Count++;
            SumAbs += a;
            SumSquares += cosine * cosine;
            Max = Math.Max(Max, a);

            // A value within 1e-9 bin widths below an edge counts in the upper bin, so exact cosines such as
            // 1/2 land in the same bin whatever the rounding of the backend.
            _lanes[Math.Min(_bins - 1, (int)((a * _bins) + EdgeSlack))]++;
            if (a >= _duplicateThreshold) Link(i, j, a);
        }

        private void Link(int i, int j, double a)
        {
            var min = Math.Min(a, Math.Min(_minLink[_sets.Find(i)], _minLink[_sets.Find(j)]));
            _sets.Union(i, j);
            _minLink[_sets.Find(i)] = min;
            _linked[i] = true;
            _linked[j] = true;
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
