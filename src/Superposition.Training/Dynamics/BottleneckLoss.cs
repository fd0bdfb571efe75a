using Superposition.Training.Rng;

namespace Superposition.Training.Dynamics;

/// <summary>
/// Population loss of the bottleneck student, split by the number of active features:
/// L = P₀ Σ_j ReLU(b_j)² + Σ_i P(only i) E_v[ℓ_i(v)] + P(≥2) · mean over a fixed set of samples with ≥ 2 active.
/// The first two strata are exact: ℓ_i(v) = Σ_j (ReLU(v G_ji + b_j) − δ_ij A_ii v)², G = WᵀW, integrated over
/// v ∈ [0, 1] in closed form (piecewise quadratics). Only the ≥ 2 stratum is sampled
/// (<see cref="DynamicsOptions.MultiFeatureSamples"/> samples, seeded, the same at every evaluation), so the rare
/// features that carry the late loss enter exactly through their single-feature stratum.
/// </summary>
internal sealed class BottleneckLoss
{
    private readonly PowerLawData _data;
    private readonly int _k;
    private readonly double _pNone;
    private readonly double[] _pOnly;
    private readonly double _pMulti;
    private readonly int[][] _multiIndex;
    private readonly float[][] _multiValue;
    private readonly float[] _g;
    private readonly float[] _h;
    private readonly float[] _out;

    public BottleneckLoss(DynamicsOptions o, PowerLawData data, ulong seed)
    {
        _data = data;
        _k = o.Bottleneck;
        int n = data.N;
        double logNone = 0;
        for (int i = 0; i < n; i++) logNone += Math.Log(1 - data.Frequency[i]);
        _pNone = Math.Exp(logNone);
        _pOnly = new double[n];
        double sumOnly = 0;
        for (int i = 0; i < n; i++) sumOnly += _pOnly[i] = _pNone * data.Frequency[i] / (1 - data.Frequency[i]);
        _pMulti = Math.Max(0, 1 - _pNone - sumOnly);
        var rng = Xoshiro256.ForStream(seed, 702);
        var index = new int[n];
        var value = new float[n];
        _multiIndex = new int[o.MultiFeatureSamples][];
        _multiValue = new float[o.MultiFeatureSamples][];
        for (int s = 0; s < o.MultiFeatureSamples;)
        {
            int c = data.Draw(ref rng, index, value);
            if (c < 2) continue; // rejection: keep only samples of the ≥ 2 stratum
            _multiIndex[s] = index[..c];
            _multiValue[s] = value[..c];
            s++;
        }

        _g = new float[n];
        _h = new float[_k];
        _out = new float[n];
    }

    /// <summary>Probability that exactly one given feature is active, P(only i), and that two or more are.</summary>
    internal (double None, IReadOnlyList<double> Only, double Multi) Strata => (_pNone, _pOnly, _pMulti);

    public double Evaluate(float[] w, float[] b)
    {
        int n = _data.N;
        double none = 0;
        for (int j = 0; j < n; j++)
            if (b[j] > 0) none += b[j] * (double)b[j];

        double single = 0;
        for (int i = 0; i < n; i++)
        {
            // g_j = G_ji = w_j · w_i.
            Array.Clear(_g);
            for (int kk = 0; kk < _k; kk++) VectorOps.AddScaled(_g, w[(kk * n) + i], w.AsSpan(kk * n, n));
            double li = 0;
            for (int j = 0; j < n; j++) li += ReluSquaredError(_g[j], b[j], j == i ? _data.Teacher[i] : 0.0);
            single += _pOnly[i] * li;
        }

        double multi = 0;
        for (int s = 0; s < _multiIndex.Length; s++)
        {
            var idx = _multiIndex[s];
            var val = _multiValue[s];
            BottleneckStudent.Forward(w, b, n, _k, idx, val, idx.Length, _h, _out);
            double ls = 0;
            for (int j = 0; j < n; j++)
            {
                double yhat = Math.Max(_out[j], 0f);
                ls += yhat * yhat;
            }

            for (int q = 0; q < idx.Length; q++)
            {
                double yhat = Math.Max(_out[idx[q]], 0f), y = _data.Teacher[idx[q]] * (double)val[q];
                ls += ((yhat - y) * (yhat - y)) - (yhat * yhat);
            }

            multi += ls;
        }

        return (_pNone * none) + single + (_pMulti * multi / _multiIndex.Length);
    }

    /// <summary>∫₀¹ (ReLU(g v + c) − e v)² dv in closed form.</summary>
    internal static double ReluSquaredError(double g, double c, double e)
    {
        // Active interval [lo, hi] of g v + c > 0 inside [0, 1].
        double lo, hi;
        if (g == 0)
        {
            (lo, hi) = c > 0 ? (0.0, 1.0) : (0.0, 0.0);
        }
        else if (g > 0)
        {
            (lo, hi) = (Math.Clamp(-c / g, 0, 1), 1.0);
        }
        else
        {
            (lo, hi) = (0.0, Math.Clamp(-c / g, 0, 1));
        }

        double active = hi > lo ? SquareIntegral(g - e, c, lo, hi) : 0;
        // Inactive part: the output is 0, the error is e v; ∫ e² v² over [0, 1] minus the active interval.
        double inactive = e == 0 ? 0 : e * e * ((1.0 / 3.0) - (hi > lo ? ((hi * hi * hi) - (lo * lo * lo)) / 3.0 : 0));
        return active + inactive;
    }

    /// <summary>∫_l^u (α v + β)² dv.</summary>
    private static double SquareIntegral(double alpha, double beta, double l, double u) =>
        (alpha * alpha * ((u * u * u) - (l * l * l)) / 3.0) + (alpha * beta * ((u * u) - (l * l))) + (beta * beta * (u - l));
}
