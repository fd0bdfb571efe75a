using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Runtime.Activations;

/// <summary>
/// Principal components of a samples × features matrix through the smaller of its two Gram matrices, so a wide
/// activation (thousands of channels, tens of samples) never forms a features × features covariance.
/// </summary>
internal static class Pca
{
    /// <summary>Covariance eigenvalues (descending) and the top-<paramref name="k"/> principal directions (d × k, column-major).</summary>
    public static (double[] Eigenvalues, double[] Directions, int K) Compute(ILinearAlgebraBackend backend, double[] rowMajor, int samples, int d, int k)
    {
        // Row-major samples × d is column-major d × samples: A, one sample per column. Center each feature.
        var a = (double[])rowMajor.Clone();
        var mean = new double[d];
        for (int s = 0; s < samples; s++)
        {
            for (int j = 0; j < d; j++) mean[j] += a[((long)s * d) + j];
        }

        for (int j = 0; j < d; j++) mean[j] /= samples;
        for (int s = 0; s < samples; s++)
        {
            for (int j = 0; j < d; j++) a[((long)s * d) + j] -= mean[j];
        }

        double scale = 1.0 / Math.Max(1, samples - 1);
        k = Math.Min(k, Math.Min(d, samples));
        if (d <= samples)
        {
            var c = new double[(long)d * d];
            backend.Syrk(d, samples, a, c);
            var values = new double[d];
            backend.SymmetricEigen(d, c, values, computeVectors: true);
            var directions = new double[(long)d * k];
            for (int t = 0; t < k; t++) Array.Copy(c, (long)(d - 1 - t) * d, directions, (long)t * d, d);
            return (values.Reverse().Select(v => Math.Max(0, v) * scale).ToArray(), directions, k);
        }

        // Gram side: G = Aᵀ A (samples × samples); P = A V Σ⁻¹.
        var at = new double[(long)samples * d];
        for (int s = 0; s < samples; s++)
        {
            for (int j = 0; j < d; j++) at[((long)j * samples) + s] = a[((long)s * d) + j];
        }

        var g = new double[(long)samples * samples];
        backend.Syrk(samples, d, at, g);
        var gramValues = new double[samples];
        backend.SymmetricEigen(samples, g, gramValues, computeVectors: true);
        var top = new double[(long)samples * k];
        for (int t = 0; t < k; t++) Array.Copy(g, (long)(samples - 1 - t) * samples, top, (long)t * samples, samples);
        var p = new double[(long)d * k];
        backend.Gemm(false, false, d, k, samples, a, top, p);
        for (int t = 0; t < k; t++)
        {
            double sigma = Math.Sqrt(Math.Max(gramValues[samples - 1 - t], 0));
            for (int j = 0; j < d; j++) p[((long)t * d) + j] = sigma > 0 ? p[((long)t * d) + j] / sigma : 0;
        }

        return (gramValues.Reverse().Select(v => Math.Max(0, v) * scale).ToArray(), p, k);
    }
}
