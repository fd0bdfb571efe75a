using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Geometry;

/// <summary>
/// How the localized share depends on the eigenspace grouping: q_i = max over eigenspaces of ‖P_λ w_i‖²/‖w_i‖² recomputed
/// under gap grouping and under fixed tolerances (MATH.md section 3). One blocked pass over u_kᵀ w_i, every grouping
/// reading it; in the analysis that pass is the measures' own (<see cref="Foldable"/>).
/// </summary>
internal static class GroupingSensitivity
{
    /// <summary>The fixed tolerances (shares of λ_max) of the table, beside gap grouping.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1];

    /// <summary>
    /// The pass to fold into the measures' projections (<see cref="FeatureMeasures"/>) when the table is wanted and
    /// the spectrum has F's eigenvectors; else null (then <see cref="Compute"/> makes its own pass).
    /// </summary>
    public static Pass? Foldable(LiveFrame frame, FrameSpectrum spectrum, AnalysisOptions options) =>
        options.GroupingSensitivity && spectrum.FrameVectors is not null ? new Pass(frame, spectrum, options) : null;

    /// <summary>The table by its own pass over the projections u_kᵀ w_i (<see cref="FrameSpectrum.Projections"/>, either route).</summary>
    public static IReadOnlyList<GroupingSensitivityRow> Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, AnalysisOptions options)
    {
        var pass = new Pass(frame, spectrum, options);
        var block = Math.Max(1, Math.Min(options.FeatureBlockSize, frame.N));
        var projections = new double[(long)spectrum.M * block];
        var kernels = BlockKernels.For(backend);
        for (var start = 0; start < frame.N; start += block)
        {
            var count = Math.Min(block, frame.N - start);
            spectrum.Projections(kernels, frame, start, count, projections);
            pass.Read(projections.AsSpan(0, spectrum.M * count), start, count);
        }

        return pass.Rows();
    }

    /// <summary>
    /// q_i under every grouping, feature by feature from the squared projections (u_kᵀ w_i)²: the share of the
    /// largest eigenspace cell, counted as localized at or above the threshold.
    /// </summary>
    internal sealed class Pass : IProjectionReader
    {
        private readonly List<(string Name, double Tolerance, int[] Ends, int Positive, bool Used)> _groupings = [];
        private readonly LiveFrame _frame;
        private readonly double _threshold;
        private readonly int _m;
        private readonly int[] _localized;
        private double[] _squares = [];

        public Pass(LiveFrame frame, FrameSpectrum spectrum, AnalysisOptions options)
        {
            _frame = frame;
            _threshold = options.LocalizedThreshold;
            _m = spectrum.M;
            var values = spectrum.Eigenvalues;
            var rank = spectrum.Rank;
            var gapsUsed = options.Grouping == EigenspaceGrouping.Gaps;
            Add("gaps", options.EigenspaceTolerance,
                FrameSpectrum.GroupByGaps(values, rank, options.EigenspaceTolerance * values[0], options.GapRatio, options.MaxGroupSpread), gapsUsed);
            foreach (var tolerance in Tolerances.Append(options.EigenspaceTolerance).Distinct().Order())
            {
                Add("fixed", tolerance, FrameSpectrum.Group(values, rank, tolerance * values[0]), !gapsUsed && tolerance == options.EigenspaceTolerance);
            }

            _localized = new int[_groupings.Count];
        }

        /// <summary>Squares the block into a buffer of its own (the measures' block is read only) and counts it.</summary>
        public void Read(ReadOnlySpan<double> projections, int start, int count)
        {
            var length = _m * count;
            if (_squares.Length < length) _squares = new double[length];
            for (var x = 0; x < length; x++) _squares[x] = projections[x] * projections[x];
            ReadSquares(_squares, start, count);
        }

        /// <summary>
        /// Counts features start … start + count − 1 from their squared projections (m × count). An eigenspace's mass is
        /// the sum of its contiguous squares in index order, the same additions a per-cell accumulator over k makes;
        /// the weights are finite (<see cref="FrameInput.Validate"/>), so no sum is NaN and a comparison takes the largest.
        /// </summary>
        private void ReadSquares(double[] squares, int start, int count)
        {
            var m = _m;
            var j = 0;

            // Four features at a time: four independent chains of additions instead of one (each feature's sums are
            // still formed in index order, so the same bits), which the single chain's latency bound.
            for (; j + 4 <= count; j += 4)
            {
                var c0 = squares.AsSpan(j * m, m);
                var c1 = squares.AsSpan((j + 1) * m, m);
                var c2 = squares.AsSpan((j + 2) * m, m);
                var c3 = squares.AsSpan((j + 3) * m, m);
                for (var g = 0; g < _groupings.Count; g++)
                {
                    double l0 = double.NegativeInfinity, l1 = l0, l2 = l0, l3 = l0;
                    var k = 0;
                    foreach (var end in _groupings[g].Ends)
                    {
                        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                        for (; k < end; k++)
                        {
                            s0 += c0[k];
                            s1 += c1[k];
                            s2 += c2[k];
                            s3 += c3[k];
                        }

                        if (s0 > l0) l0 = s0;
                        if (s1 > l1) l1 = s1;
                        if (s2 > l2) l2 = s2;
                        if (s3 > l3) l3 = s3;
                    }

                    Count(g, l0, start + j);
                    Count(g, l1, start + j + 1);
                    Count(g, l2, start + j + 2);
                    Count(g, l3, start + j + 3);
                }
            }

            for (; j < count; j++)
            {
                var column = squares.AsSpan(j * m, m);
                for (var g = 0; g < _groupings.Count; g++)
                {
                    var largest = double.NegativeInfinity;
                    var k = 0;
                    foreach (var end in _groupings[g].Ends)
                    {
                        double sum = 0;
                        for (; k < end; k++) sum += column[k];
                        if (sum > largest) largest = sum;
                    }

                    Count(g, largest, start + j);
                }
            }
        }

        private void Count(int grouping, double largest, int feature)
        {
            if (largest / _frame.NormSquared[feature] >= _threshold)
            {
                _localized[grouping]++;
            }
        }

        public IReadOnlyList<GroupingSensitivityRow> Rows() => _groupings
            .Select((g, i) => new GroupingSensitivityRow(g.Name, g.Tolerance, g.Positive, _localized[i], (double)_localized[i] / _frame.N, g.Used))
            .ToList();

        private void Add(string name, double tolerance, (EigenGroup[] Groups, int[] GroupOf) g, bool used) =>
            _groupings.Add((name, tolerance, [.. g.Groups.Select(x => x.Start + x.Count)], g.Groups.Count(x => !x.IsNull), used));
    }
}
