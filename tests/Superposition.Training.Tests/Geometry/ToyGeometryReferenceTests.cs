using Superposition.Training.Geometry;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Geometry;

/// <summary>
/// ToyGeometry takes its numbers from the Spectral engine; this checks them against a direct double-precision
/// computation kept here only as the reference: D_i = ‖w_i‖⁴ / Σ_j (w_i·w_j)², D* = m/‖W‖_F², τ = m·tr(F²)/tr(F)² − 1.
/// </summary>
public sealed class ToyGeometryReferenceTests
{
    private static (double[] Dims, double DStar, double Tau) Reference(float[] w, int m, int n)
    {
        var f = new double[m * m];
        var norms2 = new double[n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
            {
                norms2[i] += (double)w[(k * n) + i] * w[(k * n) + i];
                for (int l = 0; l < m; l++) f[(k * m) + l] += (double)w[(k * n) + i] * w[(l * n) + i];
            }

        double trace = 0, trace2 = 0;
        for (int k = 0; k < m; k++) trace += f[(k * m) + k];
        foreach (double v in f) trace2 += v * v;
        var dims = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (norms2[i] <= 1e-14) continue;
            double quad = 0;
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < m; k++) dot += (double)w[(k * n) + i] * w[(k * n) + j];
                quad += dot * dot;
            }

            dims[i] = norms2[i] * norms2[i] / quad;
        }

        return (dims, m / trace, (m * trace2 / (trace * trace)) - 1.0);
    }

    [Theory]
    [InlineData(2, 5, 1)]
    [InlineData(20, 200, 2)]
    [InlineData(7, 30, 3)]
    [InlineData(10, 8, 4)]
    public void Spectral_measures_match_the_direct_formulas(int m, int n, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var w = new float[m * n];
        for (int j = 0; j < w.Length; j++) w[j] = (float)rng.NextGaussian();
        for (int k = 0; k < m; k++) w[(k * n) + 1] = 0f; // one dead feature: D = 0 by definition
        var g = ToyGeometry.Of(w, m, n);
        var (dims, dStar, tau) = Reference(w, m, n);
        Assert.Equal(0.0, g.Dimensionality[1]);

        // Both in double from the same float inputs; tolerance 1e-9 absolute for quantities of order 1.
        for (int i = 0; i < n; i++) Assert.Equal(dims[i], g.Dimensionality[i], 9);
        Assert.Equal(dStar, g.DimensionsPerFeature, 9);
        Assert.Equal(tau, g.TightnessResidual, 9);
    }
}
