using Superposition.Training.Rng;

namespace Superposition.Training.Mimo;

/// <summary>
/// The MIMO classifier of <see cref="MimoOptions"/> with hand-written backpropagation. Parameters are one flat vector:
/// [A (F×D), a (F), keys (N×F), W1 (H×F), b1 (H), W2 (F×H), b2 (F), V (N×C×F), e (N×C)], row-major; with
/// <see cref="MimoUnbinding.FixedKey"/> only head 0 of V and e is used.
/// </summary>
internal sealed class MimoNetwork
{
    private readonly int _d, _f, _h, _c, _n;
    private readonly float _scale;
    private readonly float[][] _u, _phi, _dphi;
    private readonly float[] _z, _pre, _act, _g, _q, _logits, _dz, _dact, _dg, _dq;

    public MimoNetwork(int inputDimension, int width, int hidden, int classes, int slots, MimoUnbinding unbinding)
    {
        (_d, _f, _h, _c, _n) = (inputDimension, width, hidden, classes, slots);
        Unbinding = unbinding;
        _scale = MathF.Sqrt(width);
        OffA = 0;
        OffBiasA = OffA + (_f * _d);
        OffKeys = OffBiasA + _f;
        OffW1 = OffKeys + (_n * _f);
        OffB1 = OffW1 + (_h * _f);
        OffW2 = OffB1 + _h;
        OffB2 = OffW2 + (_f * _h);
        OffV = OffB2 + _f;
        OffE = OffV + (_n * _c * _f);
        Parameters = new float[OffE + (_n * _c)];
        _u = Jagged(_n, _f);
        _phi = Jagged(_n, _f);
        _dphi = Jagged(_n, _f);
        _z = new float[_f];
        _pre = new float[_h];
        _act = new float[_h];
        _g = new float[_f];
        _q = new float[_f];
        _logits = new float[_c];
        _dz = new float[_f];
        _dact = new float[_h];
        _dg = new float[_f];
        _dq = new float[_f];
    }

    public MimoUnbinding Unbinding { get; }

    public float[] Parameters { get; }

    public int Slots => _n;

    internal int OffA { get; }

    internal int OffBiasA { get; }

    internal int OffKeys { get; }

    internal int OffW1 { get; }

    internal int OffB1 { get; }

    internal int OffW2 { get; }

    internal int OffB2 { get; }

    internal int OffV { get; }

    internal int OffE { get; }

    /// <summary>He-normal weights (std sqrt(2/fan-in)), heads std sqrt(1/F), zero biases, keys random ±1/√F.</summary>
    public void Initialize(ref Xoshiro256 rng)
    {
        var p = Parameters;
        Fill(p.AsSpan(OffA, _f * _d), Math.Sqrt(2.0 / _d), ref rng);
        Fill(p.AsSpan(OffW1, _h * _f), Math.Sqrt(2.0 / _f), ref rng);
        Fill(p.AsSpan(OffW2, _f * _h), Math.Sqrt(1.0 / _h), ref rng);
        Fill(p.AsSpan(OffV, _n * _c * _f), Math.Sqrt(1.0 / _f), ref rng);
        float k = 1f / _scale;
        for (int j = 0; j < _n * _f; j++) p[OffKeys + j] = (rng.NextUInt64() >> 63) == 0 ? k : -k;
    }

    public ReadOnlySpan<float> Key(int s) => Parameters.AsSpan(OffKeys + (s * _f), _f);

    /// <summary>
    /// Forward and (with <paramref name="grad"/>) backward for one bundle whose first <paramref name="occupied"/> slots
    /// hold inputs <paramref name="x"/>[s] with labels <paramref name="labels"/>[s]; adds scale·∂(Σ_s CE_s) to grad.
    /// Returns (Σ_s CE_s, correct predictions).
    /// </summary>
    public (double Loss, int Correct) Run(float[][] x, int[] labels, int occupied, float scale, float[]? grad)
    {
        var p = Parameters;
        Array.Clear(_z);
        for (int s = 0; s < occupied; s++)
        {
            for (int i = 0; i < _f; i++)
            {
                float u = p[OffBiasA + i] + VectorOps.Dot(p.AsSpan(OffA + (i * _d), _d), x[s]);
                _u[s][i] = u;
                _phi[s][i] = MathF.Max(u, 0f);
            }

            var key = Key(s);
            for (int i = 0; i < _f; i++) _z[i] += _scale * key[i] * _phi[s][i];
        }

        for (int j = 0; j < _h; j++)
        {
            float v = p[OffB1 + j] + VectorOps.Dot(p.AsSpan(OffW1 + (j * _f), _f), _z);
            _pre[j] = v;
            _act[j] = MathF.Max(v, 0f);
        }

        for (int i = 0; i < _f; i++) _g[i] = p[OffB2 + i] + VectorOps.Dot(p.AsSpan(OffW2 + (i * _h), _h), _act);
        double loss = 0;
        int correct = 0;
        if (grad is not null) Array.Clear(_dg);
        for (int s = 0; s < occupied; s++)
        {
            int head = Unbinding == MimoUnbinding.Learned ? s : 0;
            float[] q = _g;
            if (Unbinding == MimoUnbinding.FixedKey)
            {
                var key = Key(s);
                for (int i = 0; i < _f; i++) _q[i] = _scale * key[i] * _g[i];
                q = _q;
            }

            int vOff = OffV + (head * _c * _f), eOff = OffE + (head * _c);
            float max = float.NegativeInfinity;
            int arg = 0;
            for (int c = 0; c < _c; c++)
            {
                float l = p[eOff + c] + VectorOps.Dot(p.AsSpan(vOff + (c * _f), _f), q);
                _logits[c] = l;
                if (l > max) (max, arg) = (l, c);
            }

            double sum = 0;
            for (int c = 0; c < _c; c++) sum += Math.Exp(_logits[c] - max);
            loss += Math.Log(sum) + max - _logits[labels[s]];
            if (arg == labels[s]) correct++;
            if (grad is null) continue;
            Array.Clear(_dq);
            for (int c = 0; c < _c; c++)
            {
                float dl = scale * ((float)(Math.Exp(_logits[c] - max) / sum) - (c == labels[s] ? 1f : 0f));
                grad[eOff + c] += dl;
                VectorOps.AddScaled(grad.AsSpan(vOff + (c * _f), _f), dl, q);
                VectorOps.AddScaled(_dq, dl, p.AsSpan(vOff + (c * _f), _f));
            }

            if (Unbinding == MimoUnbinding.Learned)
            {
                VectorOps.AddScaled(_dg, 1f, _dq);
            }
            else
            {
                var key = Key(s);
                var gk = grad.AsSpan(OffKeys + (s * _f), _f);
                for (int i = 0; i < _f; i++)
                {
                    _dg[i] += _scale * key[i] * _dq[i];
                    gk[i] += _scale * _g[i] * _dq[i];
                }
            }
        }

        if (grad is not null) Backward(x, occupied, grad);
        return (loss, correct);
    }

    private void Backward(float[][] x, int occupied, float[] grad)
    {
        var p = Parameters;
        Array.Clear(_dact);
        for (int i = 0; i < _f; i++)
        {
            float dg = _dg[i];
            if (dg == 0f) continue;
            grad[OffB2 + i] += dg;
            VectorOps.AddScaled(grad.AsSpan(OffW2 + (i * _h), _h), dg, _act);
            VectorOps.AddScaled(_dact, dg, p.AsSpan(OffW2 + (i * _h), _h));
        }

        Array.Clear(_dz);
        for (int j = 0; j < _h; j++)
        {
            if (_pre[j] <= 0f) continue;
            float dp = _dact[j];
            grad[OffB1 + j] += dp;
            VectorOps.AddScaled(grad.AsSpan(OffW1 + (j * _f), _f), dp, _z);
            VectorOps.AddScaled(_dz, dp, p.AsSpan(OffW1 + (j * _f), _f));
        }

        for (int s = 0; s < occupied; s++)
        {
            var key = Key(s);
            var gk = grad.AsSpan(OffKeys + (s * _f), _f);
            for (int i = 0; i < _f; i++)
            {
                gk[i] += _scale * _phi[s][i] * _dz[i];
                _dphi[s][i] = _u[s][i] > 0f ? _scale * key[i] * _dz[i] : 0f;
            }

            for (int i = 0; i < _f; i++)
            {
                float du = _dphi[s][i];
                if (du == 0f) continue;
                grad[OffBiasA + i] += du;
                VectorOps.AddScaled(grad.AsSpan(OffA + (i * _d), _d), du, x[s]);
            }
        }
    }

    /// <summary>Adds ∂R into grad and returns R = ρ [Σ_s (‖k_s‖² − 1)² + Σ_{s&lt;t} (k_s·k_t)²] over all N keys.</summary>
    public double KeyPenalty(double rho, float[]? grad)
    {
        double r = 0;
        for (int s = 0; s < _n; s++)
        {
            var ks = Key(s);
            double norm2 = VectorOps.Dot(ks, ks) - 1.0;
            r += norm2 * norm2;
            if (grad is not null) VectorOps.AddScaled(grad.AsSpan(OffKeys + (s * _f), _f), (float)(rho * 4 * norm2), ks);
            for (int t = 0; t < _n; t++)
            {
                if (t == s) continue;
                var kt = Key(t);
                double dot = VectorOps.Dot(ks, kt);
                if (t > s) r += dot * dot;
                if (grad is not null) VectorOps.AddScaled(grad.AsSpan(OffKeys + (s * _f), _f), (float)(rho * 2 * dot), kt);
            }
        }

        return rho * r;
    }

    /// <summary>Mean cos²(k_s, k_t) over pairs s &lt; t; NaN for one key.</summary>
    public double KeyCosineSquared()
    {
        double sum = 0;
        int pairs = 0;
        for (int s = 0; s < _n; s++)
            for (int t = s + 1; t < _n; t++)
            {
                double dot = VectorOps.Dot(Key(s), Key(t));
                sum += dot * dot / (VectorOps.Dot(Key(s), Key(s)) * (double)VectorOps.Dot(Key(t), Key(t)));
                pairs++;
            }

        return pairs == 0 ? double.NaN : sum / pairs;
    }

    private static float[][] Jagged(int rows, int cols) => Enumerable.Range(0, rows).Select(_ => new float[cols]).ToArray();

    private static void Fill(Span<float> dst, double std, ref Xoshiro256 rng)
    {
        for (int j = 0; j < dst.Length; j++) dst[j] = (float)(std * rng.NextGaussian());
    }
}
