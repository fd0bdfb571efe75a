using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
        /// The pairs (firstRow + k, j) for k = 0 … cosines.Length − 1. Runs of ordinary pairs go through
        /// <see cref="Run{T}"/> (for float32, eight pairs at a time with four partial sums per statistic, so the sums
        /// differ from <see cref="Add"/> one by one only in the order of the additions); a pair that needs the float64
        /// recheck or is a near-duplicate is taken one at a time here. The order is fixed by the tiles, so the same
        /// input gives the same bits.
        /// </summary>
        public void AddColumn<T>(ReadOnlySpan<T> cosines, int firstRow, int j, PairRecheck? recheck)
            where T : unmanaged
        {
            if (cosines.IsEmpty) return;
            double sumAbs = SumAbs, sumSquares = SumSquares, max = Max;
            var threshold = recheck?.Threshold ?? double.PositiveInfinity;
            var k = 0;
            while (true)
            {
                k = Run(cosines, k, Math.Min(threshold, _duplicateThreshold), _lanes, _bins, ref sumAbs, ref sumSquares, ref max);
                if (k == cosines.Length) break;
                var cosine = ToDouble(cosines[k]);
                if (Math.Abs(cosine) >= threshold)
                {
                    cosine = recheck!.Check(firstRow + k, j, cosine);
                    threshold = recheck.Threshold;
                }

                var a = Math.Min(1.0, Math.Abs(cosine));
                sumAbs += a;
                sumSquares += cosine * cosine;
                max = Math.Max(max, a);
                _lanes[Math.Min(_bins - 1, (int)((a * _bins) + EdgeSlack))]++;
                if (a >= _duplicateThreshold) Link(firstRow + k, j, a);
                k++;
            }

            Count += cosines.Length;
            (SumAbs, SumSquares, Max) = (sumAbs, sumSquares, max);
        }

        /// <summary>
        /// Adds cosines[start …] while |cos| stays below <paramref name="stop"/> (no recheck, no near-duplicate, so
        /// |cos| ≤ 1 up to rounding); returns the index of the first pair it did not add. The weights are finite
        /// (FrameInput checks them), so the comparisons below are Math.Min/Max without their NaN cases, and the bin
        /// index, in [0, bins], converts without saturation.
        /// </summary>
        private static int Run<T>(ReadOnlySpan<T> cosines, int start, double stop, long[] lanes, int bins, ref double sumAbsOut, ref double sumSquaresOut, ref double maxOut)
            where T : unmanaged
        {
            var k = start;
            if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
            {
                k = RunVector(MemoryMarshal.Cast<T, float>(cosines), start, stop, lanes, bins, ref sumAbsOut, ref sumSquaresOut, ref maxOut);
            }
            else if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
            {
                k = RunInOrder(MemoryMarshal.Cast<T, double>(cosines), start, stop, lanes, bins, ref sumAbsOut, ref sumSquaresOut, ref maxOut);
            }

            double sumAbs = sumAbsOut, sumSquares = sumSquaresOut, max = maxOut, scale = bins;
            var top = bins - 1;
            ref var lane0 = ref MemoryMarshal.GetArrayDataReference(lanes);
            for (; k < cosines.Length; k++)
            {
                var cosine = ToDouble(cosines[k]);
                var abs = Math.Abs(cosine);
                if (abs >= stop) break;
                var a = abs < 1.0 ? abs : 1.0;
                sumAbs += a;
                sumSquares += cosine * cosine;
                max = a > max ? a : max;
                var bin = double.ConvertToIntegerNative<int>((a * scale) + EdgeSlack);
                Unsafe.Add(ref lane0, ((k & (HistogramLanes - 1)) * bins) + (bin < top ? bin : top))++;
            }

            (sumAbsOut, sumSquaresOut, maxOut) = (sumAbs, sumSquares, max);
            return k;
        }

        /// <summary>
        /// <see cref="Run{T}"/> for float32, eight pairs per step (widened to two vectors of four doubles, so every
        /// statistic is formed in float64 as in the scalar loop): stops before the first step that holds a pair at or
        /// above <paramref name="stop"/>, which the scalar loop then takes up to that pair.
        /// </summary>
        private static int RunVector(ReadOnlySpan<float> cosines, int start, double stop, long[] lanes, int bins, ref double sumAbsOut, ref double sumSquaresOut, ref double maxOut)
        {
            var k = start;
            if (cosines.Length - k < 8) return k;
            Vector256<double> sumAbs = Vector256<double>.Zero, sumSquares = Vector256<double>.Zero, max = Vector256.Create(maxOut);
            var stopAt = Vector256.Create(stop);
            var one = Vector256.Create(1.0);
            var scale = Vector256.Create((double)bins);
            var slack = Vector256.Create(EdgeSlack);
            var top = Vector256.Create((long)(bins - 1));
            Span<long> bin = stackalloc long[8];
            ref var lane0 = ref MemoryMarshal.GetArrayDataReference(lanes);
            ref var first = ref MemoryMarshal.GetReference(cosines);
            for (; k <= cosines.Length - 8; k += 8)
            {
                var x = Vector256.LoadUnsafe(ref first, (nuint)k);
                var (low, high) = Vector256.Widen(x);
                var absLow = Vector256.Abs(low);
                var absHigh = Vector256.Abs(high);
                if (Vector256.GreaterThanOrEqualAny(absLow, stopAt) || Vector256.GreaterThanOrEqualAny(absHigh, stopAt)) break;
                var aLow = Vector256.Min(absLow, one);
                var aHigh = Vector256.Min(absHigh, one);
                sumAbs += aLow + aHigh;
                sumSquares += (low * low) + (high * high);
                max = Vector256.Max(max, Vector256.Max(aLow, aHigh));
                Vector256.Min(Vector256.ConvertToInt64((aLow * scale) + slack), top).StoreUnsafe(ref bin[0]);
                Vector256.Min(Vector256.ConvertToInt64((aHigh * scale) + slack), top).StoreUnsafe(ref bin[4]);
                for (var e = 0; e < 8; e++) Unsafe.Add(ref lane0, (((k + e) & (HistogramLanes - 1)) * bins) + (int)bin[e])++;
            }

            sumAbsOut += Vector256.Sum(sumAbs);
            sumSquaresOut += Vector256.Sum(sumSquares);
            maxOut = Math.Max(maxOut, Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3])));
            return k;
        }

        /// <summary>
        /// <see cref="Run{T}"/> for float64, four pairs per step: |cos|, the clamp, the squares, the maximum and the bins
        /// formed in a vector (the operations of the scalar loop, lane by lane; the maximum does not depend on the
        /// order), the two sums added pair after pair in the scalar loop's order, so the bits are the scalar loop's.
        /// The scalar loop waited on each pair's conversions and branches; this one on the two chains of additions.
        /// </summary>
        private static int RunInOrder(ReadOnlySpan<double> cosines, int start, double stop, long[] lanes, int bins, ref double sumAbsOut, ref double sumSquaresOut, ref double maxOut)
        {
            var k = start;
            if (cosines.Length - k < 4) return k;
            double sumAbs = sumAbsOut, sumSquares = sumSquaresOut;
            var max = Vector256.Create(maxOut);
            var stopAt = Vector256.Create(stop);
            var one = Vector256.Create(1.0);
            var scale = Vector256.Create((double)bins);
            var slack = Vector256.Create(EdgeSlack);
            var top = Vector256.Create((long)(bins - 1));
            ref var lane0 = ref MemoryMarshal.GetArrayDataReference(lanes);
            ref var first = ref MemoryMarshal.GetReference(cosines);
            for (; k <= cosines.Length - 4; k += 4)
            {
                var x = Vector256.LoadUnsafe(ref first, (nuint)k);
                var abs = Vector256.Abs(x);
                if (Vector256.GreaterThanOrEqualAny(abs, stopAt)) break;
                var a = Vector256.Min(abs, one);
                var squares = x * x;
                sumAbs += a.GetElement(0);
                sumAbs += a.GetElement(1);
                sumAbs += a.GetElement(2);
                sumAbs += a.GetElement(3);
                sumSquares += squares.GetElement(0);
                sumSquares += squares.GetElement(1);
                sumSquares += squares.GetElement(2);
                sumSquares += squares.GetElement(3);
                max = Vector256.Max(max, a);
                var bin = Vector256.Min(Vector256.ConvertToInt64((a * scale) + slack), top);

                // k is a multiple of 4 past start's remainder: pair k + e goes to lane (k + e) mod 4, as in the scalar loop.
                for (var e = 0; e < 4; e++) Unsafe.Add(ref lane0, (((k + e) & (HistogramLanes - 1)) * bins) + (int)bin.GetElement(e))++;
            }

            (sumAbsOut, sumSquaresOut) = (sumAbs, sumSquares);
            maxOut = Math.Max(maxOut, Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3])));
            return k;
        }

        private static double ToDouble<T>(T value)
            where T : unmanaged
            => typeof(T) == typeof(float) ? Unsafe.As<T, float>(ref value) : Unsafe.As<T, double>(ref value);

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
