using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Runtime.Probes;
using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Probes;

namespace Superposition.Runtime.Activations;

/// <summary>
/// Turns recorded activations into measurements: the covariance spectrum and its power-law decay, how often each
/// channel is active, and how the activations' principal subspace lines up with the top eigenspaces of the frame
/// operator of each layer that reads them.
/// </summary>
public static class ActivationAnalyzer
{
    /// <summary>Subspace dimensions at which overlaps are reported (those above the available rank are dropped).</summary>
    public static readonly int[] OverlapDimensions = [1, 4, 16, 64];

    /// <summary>A channel counts as active on a sample when |x| exceeds this share of the tensor's largest |x|.</summary>
    public const double ActiveThreshold = 1e-6;

    public static TensorProbe Analyze(ActivationMatrix activation, string producedBy, IEnumerable<WeightMatrix> readers, ILinearAlgebraBackend backend)
    {
        int n = activation.Rows, d = activation.Columns;
        int kMax = Math.Min(OverlapDimensions.Max(), Math.Min(d, n));
        var (eigenvalues, directions, k) = Pca.Compute(backend, activation.Data, n, d, kMax);
        var overlaps = readers.Select(r => Overlap(r, directions, k, d, backend)).ToList();
        return new TensorProbe(activation.Name, producedBy, n, d, eigenvalues, Decay(eigenvalues), Frequency(activation), overlaps);
    }

    /// <summary>Fits log λ_k = c − β log k over ranks 1 … ⌈r/2⌉ of the r eigenvalues above 1e-12 λ_1 (at least 4 points).</summary>
    public static DecayFit Decay(IReadOnlyList<double> descending)
    {
        int r = descending.Count(v => v > 1e-12 * Math.Max(descending.Count > 0 ? descending[0] : 0, double.Epsilon));
        int end = (r + 1) / 2;
        if (end < 4) return new DecayFit(false, $"only {r} nonzero eigenvalues; the fit needs a window of at least 4", null, null, null, 1, end);
        var line = LogLogRegression.Fit([.. Enumerable.Range(1, end).Select(k => ((double)k, descending[k - 1]))]);
        return new DecayFit(true, null, -line.Slope, line.SlopeStandardError, line.RSquared, 1, end);
    }

    public static ActivationFrequency Frequency(ActivationMatrix activation)
    {
        int n = activation.Rows, d = activation.Columns;
        double max = 0;
        foreach (double v in activation.Data) max = Math.Max(max, Math.Abs(v));
        double threshold = ActiveThreshold * max;
        var share = new double[d];
        for (int s = 0; s < n; s++)
        {
            for (int j = 0; j < d; j++)
            {
                if (Math.Abs(activation.Data[((long)s * d) + j]) > threshold) share[j]++;
            }
        }

        for (int j = 0; j < d; j++) share[j] /= Math.Max(1, n);
        var edges = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        var counts = new int[10];
        foreach (double f in share) counts[Math.Min(9, (int)(f * 10))]++;
        var summary = Summary.Of(share); // the one median (interpolated) of the tool
        return new ActivationFrequency(ActiveThreshold, summary.Mean, summary.Median, summary.Min, summary.Max,
            share.Count(f => f == 0), share.Count(f => f == 1), edges, counts);
    }

    private static FrameOverlap Overlap(WeightMatrix reader, double[] directions, int k, int d, ILinearAlgebraBackend backend)
    {
        var frame = reader.Orient(OrientationChoice.Read);
        if (reader.ReadAxis is null || frame.Hidden != d)
        {
            string why = reader.ReadAxis is null ? "the reading op's roles are unknown"
                : $"its read frame lives in R^{frame.Hidden} ({(reader.Op.Contains("Conv", StringComparison.Ordinal) ? "channels × kernel taps" : "a different space")}), the activations in R^{d}";
            return new FrameOverlap(reader.Name, reader.Layer, reader.Op, [], "no overlap: " + why);
        }

        var w = reader.ReadFrame(frame.FeatureAxis);
        var f = new double[(long)d * d];
        backend.Syrk(d, frame.Features, w, f);
        var values = new double[d];
        backend.SymmetricEigen(d, f, values, computeVectors: true);
        var overlaps = new List<SubspaceOverlap>();
        foreach (int size in OverlapDimensions.Where(s => s <= k))
        {
            double sum = 0;
            for (int a = 0; a < size; a++)
            {
                long u = (long)(d - 1 - a) * d; // eigenvectors ascending: the top ones are last
                for (int b = 0; b < size; b++)
                {
                    double dot = 0;
                    long p = (long)b * d;
                    for (int j = 0; j < d; j++) dot += f[u + j] * directions[p + j];
                    sum += dot * dot;
                }
            }

            overlaps.Add(new SubspaceOverlap(size, sum / size, size / (double)d));
        }

        return new FrameOverlap(reader.Name, reader.Layer, reader.Op, overlaps, overlaps.Count == 0 ? "no overlap: too few samples" : null);
    }

    /// <summary>Weight matrices of <paramref name="model"/> whose node multiplies the value <paramref name="valueName"/>.</summary>
    public static IEnumerable<WeightMatrix> ReadersOf(OnnxModel model, string valueName) =>
        model.Matrices.Where(m => m.ActivationInput == valueName && m.Use is { GraphPath.Length: 0 });
}
