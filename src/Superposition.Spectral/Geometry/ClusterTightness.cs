using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Geometry;

/// <summary>
/// Per-eigenspace tightness of a localized cluster (MATH.md section 3): B = U_λᵀ W_C (k × n_C, the cluster's features in
/// the eigenspace's basis), F_C = B Bᵀ, τ_C = k·tr(F_C²)/tr(F_C)² − 1 (0 iff F_C ∝ I on the eigenspace, the theorem's
/// prediction for a saturated eigenspace), and the span dimension of the columns of B against the multiplicity k.
/// </summary>
internal static class ClusterTightness
{
    /// <summary>τ_C, the span dimension, and P = (k / tr F_C)·BᵀB: the projection onto the cluster's image when F_C = λ I_k.</summary>
    public static (double Tightness, int SpanDimension, double[] Projector) Compute(
        ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, EigenGroup group, IReadOnlyList<int> members, double zeroTolerance)
    {
        var k = group.Count;
        var count = members.Count;
        var m = frame.M;
        var b = new double[k * count];
        for (var c = 0; c < count; c++)
        {
            var i = members[c];
            for (var r = 0; r < k; r++)
            {
                var index = group.Start + r;
                double value;
                if (spectrum.FrameVectors is { } u)
                {
                    value = 0;
                    for (var d = 0; d < m; d++)
                    {
                        value += u[d + ((long)index * m)] * frame.Weights[d + ((long)i * m)];
                    }
                }
                else
                {
                    value = Math.Sqrt(spectrum.Eigenvalues[index]) * spectrum.GramVectors![i + ((long)index * frame.N)];
                }

                b[r + (c * k)] = value;
            }
        }

        // Bᵀ B (n_C × n_C) has the nonzero spectrum of F_C: traces and rank from the smaller side of a 64-feature cap.
        var gram = new double[count * count];
        for (var x = 0; x < count; x++)
        {
            for (var y = 0; y < count; y++)
            {
                double s = 0;
                for (var r = 0; r < k; r++)
                {
                    s += b[r + (x * k)] * b[r + (y * k)];
                }

                gram[x + (y * count)] = s;
            }
        }

        double trace = 0;
        double squares = 0;
        for (var x = 0; x < count; x++)
        {
            trace += gram[x + (x * count)];
            for (var y = 0; y < count; y++)
            {
                squares += gram[x + (y * count)] * gram[x + (y * count)];
            }
        }

        var tightness = Math.Max(0.0, (k * squares / (trace * trace)) - 1.0);
        var projector = gram.Select(g => g * k / trace).ToArray();
        var eigenvalues = new double[count];
        backend.SymmetricEigen(count, gram, eigenvalues, computeVectors: false);
        var largest = eigenvalues.Max();
        var span = eigenvalues.Count(l => l > zeroTolerance * largest);
        return (tightness, span, projector);
    }
}
