using Superposition.Training.Rng;

namespace Superposition.Training.Mimo;

/// <summary>Keys, binding and unbinding (and the adjoint of unbinding for backpropagation).</summary>
internal static class Binding
{
    /// <summary>A key: ±1 entries (bipolar) or N(0, 1/d) entries (circular, so ‖k‖ ≈ 1).</summary>
    public static float[] Key(MimoBinding kind, int d, ref Xoshiro256 rng)
    {
        var k = new float[d];
        double std = 1.0 / Math.Sqrt(d);
        for (int i = 0; i < d; i++)
            k[i] = kind == MimoBinding.Bipolar ? ((rng.NextUInt64() >> 63) == 0 ? 1f : -1f) : (float)(std * rng.NextGaussian());
        return k;
    }

    /// <summary>dst += bind(k, x): k ⊙ x, or circular convolution (k ⊛ x)_j = Σ_i k_i x_{(j−i) mod d}.</summary>
    public static void BindAdd(MimoBinding kind, ReadOnlySpan<float> k, ReadOnlySpan<float> x, Span<float> dst)
    {
        int d = k.Length;
        if (kind == MimoBinding.Bipolar)
        {
            for (int j = 0; j < d; j++) dst[j] += k[j] * x[j];
            return;
        }

        for (int j = 0; j < d; j++)
        {
            float s = 0f;
            for (int i = 0; i < d; i++) s += k[i] * x[(j - i + d) % d];
            dst[j] += s;
        }
    }

    /// <summary>dst = unbind(k, z): k ⊙ z, or circular correlation (k ⋆ z)_j = Σ_i k_i z_{(i+j) mod d}.</summary>
    public static void Unbind(MimoBinding kind, ReadOnlySpan<float> k, ReadOnlySpan<float> z, Span<float> dst)
    {
        int d = k.Length;
        if (kind == MimoBinding.Bipolar)
        {
            for (int j = 0; j < d; j++) dst[j] = k[j] * z[j];
            return;
        }

        for (int j = 0; j < d; j++)
        {
            float s = 0f;
            for (int i = 0; i < d; i++) s += k[i] * z[(i + j) % d];
            dst[j] = s;
        }
    }

    /// <summary>dz += adjoint of unbind applied to dy: k ⊙ dy (bipolar) or circular convolution k ⊛ dy (adjoint of correlation).</summary>
    public static void UnbindAdjointAdd(MimoBinding kind, ReadOnlySpan<float> k, ReadOnlySpan<float> dy, Span<float> dz) => BindAdd(kind, k, dy, dz);

    /// <summary>Mean of cos²(k_s, k_t) over pairs s &lt; t; NaN with fewer than two keys.</summary>
    public static double MeanCosineSquared(IReadOnlyList<float[]> keys)
    {
        double sum = 0;
        int pairs = 0;
        for (int s = 0; s < keys.Count; s++)
            for (int t = s + 1; t < keys.Count; t++)
            {
                double dot = 0, ns = 0, nt = 0;
                for (int i = 0; i < keys[s].Length; i++)
                {
                    dot += keys[s][i] * (double)keys[t][i];
                    ns += keys[s][i] * (double)keys[s][i];
                    nt += keys[t][i] * (double)keys[t][i];
                }

                sum += dot * dot / (ns * nt);
                pairs++;
            }

        return pairs == 0 ? double.NaN : sum / pairs;
    }
}
