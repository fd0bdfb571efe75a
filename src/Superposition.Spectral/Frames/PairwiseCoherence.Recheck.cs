using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Frames;

internal static partial class PairwiseCoherence
{
    /// <summary>
    /// Double-precision recheck of float32 cosines. A float32 product of two unit vectors in R^m differs from the
    /// exact one by at most <see cref="Bound"/> = (m + 2)·2⁻²⁴·1.01 (m rounded products and sums, plus rounding the
    /// unit vectors). Every pair whose float32 |cos| is within 2·Bound of the running maximum, or within Bound of
    /// the duplicate threshold, is recomputed in double: a pair left unchecked is then provably below the rechecked
    /// maximum, so the reported maximum is exact, and near-duplicates are decided in double. If more than
    /// <see cref="CoherenceOptions.MaxRechecks"/> pairs needed a recheck for the maximum, that part stops and the note says so.
    /// </summary>
    private sealed class PairRecheck
    {
        private readonly LiveFrame _frame;
        private readonly double _duplicateFloor;
        private readonly long _maxRechecks;
        private double _max32;
        private bool _capped;

        public PairRecheck(LiveFrame frame, CoherenceOptions options)
        {
            _frame = frame;
            Bound = (frame.M + 2) * Math.Pow(2, -24) * 1.01;
            _duplicateFloor = options.DuplicateThreshold - Bound;
            _maxRechecks = options.MaxRechecks;
            Threshold = 0;
        }

        public double Bound { get; }

        /// <summary>|cos| (float32) at or above which a pair is rechecked.</summary>
        public double Threshold { get; private set; }

        public long Rechecks { get; private set; }

        public double Check(int i, int j, double single)
        {
            Rechecks++;
            _max32 = Math.Max(_max32, Math.Abs(single));
            if (!_capped && Rechecks > _maxRechecks) _capped = true;
            Threshold = _capped ? _duplicateFloor : Math.Min(_duplicateFloor, _max32 - (2 * Bound));
            var m = _frame.M;
            var a = _frame.Weights.AsSpan(i * m, m);
            var b = _frame.Weights.AsSpan(j * m, m);
            double dot = 0;
            for (var k = 0; k < m; k++) dot += a[k] * b[k];
            return dot / Math.Sqrt(_frame.NormSquared[i] * _frame.NormSquared[j]);
        }

        public string Describe() => FormattableString.Invariant(
            $"pair products in float32 (rounding bound {Bound:0.0e0} on each cosine: mean |cos|, mean cos² from pairs and the histogram carry at most that error); ")
            + (_capped
                ? FormattableString.Invariant($"more than {_maxRechecks} pairs lay near the maximum: the maximum is float32 (within the bound), near-duplicates rechecked in float64")
                : FormattableString.Invariant($"the maximum and near-duplicates rechecked in float64 ({Rechecks} pairs): exact"));
    }
}
