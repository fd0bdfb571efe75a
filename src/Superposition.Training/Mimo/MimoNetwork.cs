using Superposition.Training.Rng;

namespace Superposition.Training.Mimo;

/// <summary>One sample: N slot inputs, their teacher targets, and the bundled input z = Σ_s bind(k_s, x_s).</summary>
internal sealed class MimoSample
{
    public MimoSample(int d, int slots)
    {
        X = new float[slots][];
        Y = new float[slots][];
        for (int s = 0; s < slots; s++)
        {
            X[s] = new float[d];
            Y[s] = new float[d];
        }

        Z = new float[d];
    }

    public float[][] X { get; }

    public float[][] Y { get; }

    public float[] Z { get; }

    /// <summary>x_s = U u_s (u_s ~ N(0, I_r); U null means x_s ~ N(0, I_d)), y_s = ReLU(T x_s), z = Σ_s bind(k_s, x_s).</summary>
    public void Draw(ref Xoshiro256 rng, float[] teacher, float[]? basis, int rank, float[][] keys, MimoBinding binding)
    {
        int d = Z.Length;
        Array.Clear(Z);
        Span<float> u = stackalloc float[Math.Max(rank, 1)];
        for (int s = 0; s < X.Length; s++)
        {
            float[] x = X[s], y = Y[s];
            if (basis is null)
            {
                for (int i = 0; i < d; i++) x[i] = (float)rng.NextGaussian();
            }
            else
            {
                for (int j = 0; j < rank; j++) u[j] = (float)rng.NextGaussian();
                for (int i = 0; i < d; i++) x[i] = VectorOps.Dot(basis.AsSpan(i * rank, rank), u);
            }

            for (int i = 0; i < d; i++)
            {
                y[i] = MathF.Max(VectorOps.Dot(teacher.AsSpan(i * d, d), x), 0f);
            }

            Binding.BindAdd(binding, keys[s], x, Z);
        }
    }
}

/// <summary>The shared MLP g(z) = W2 ReLU(W1 z + b1) + b2 with hand-written backpropagation through the unbinding.</summary>
internal sealed class MimoNetwork
{
    private readonly int _d;
    private readonly int _h;
    private readonly float[] _pre;
    private readonly float[] _act;
    private readonly float[] _out;
    private readonly float[] _dOut;
    private readonly float[] _dAct;
    private readonly float[] _slot;

    public MimoNetwork(int d, int h)
    {
        _d = d;
        _h = h;
        Parameters = new float[(h * d) + h + (d * h) + d];
        _pre = new float[h];
        _act = new float[h];
        _out = new float[d];
        _dOut = new float[d];
        _dAct = new float[h];
        _slot = new float[d];
    }

    /// <summary>[W1 (H×d), b1 (H), W2 (d×H), b2 (d)].</summary>
    public float[] Parameters { get; }

    private int B1 => _h * _d;

    private int W2 => B1 + _h;

    private int B2 => W2 + (_d * _h);

    /// <summary>He-normal W1 (std sqrt(2/d)), W2 with std sqrt(1/H), zero biases.</summary>
    public void Initialize(ref Xoshiro256 rng)
    {
        for (int i = 0; i < _h * _d; i++) Parameters[i] = (float)(rng.NextGaussian() * Math.Sqrt(2.0 / _d));
        for (int i = 0; i < _d * _h; i++) Parameters[W2 + i] = (float)(rng.NextGaussian() * Math.Sqrt(1.0 / _h));
    }

    /// <summary>Adds scale·∂(Σ_s ‖ŷ_s − y_s‖²) into <paramref name="grad"/>; returns Σ_s ‖ŷ_s − y_s‖².</summary>
    public double AccumulateGradient(MimoSample sample, float[][] keys, MimoBinding binding, float scale, float[] grad)
    {
        Forward(sample.Z);
        Array.Clear(_dOut);
        double loss = 0;
        for (int s = 0; s < keys.Length; s++)
        {
            Binding.Unbind(binding, keys[s], _out, _slot);
            float[] y = sample.Y[s];
            for (int j = 0; j < _d; j++)
            {
                float e = _slot[j] - y[j];
                loss += e * e;
                _slot[j] = 2f * scale * e;
            }

            Binding.UnbindAdjointAdd(binding, keys[s], _slot, _dOut);
        }

        var p = Parameters.AsSpan();
        Array.Clear(_dAct);
        for (int i = 0; i < _d; i++)
        {
            float g = _dOut[i];
            grad[B2 + i] += g;
            var w2 = p.Slice(W2 + (i * _h), _h);
            var gw2 = grad.AsSpan(W2 + (i * _h), _h);
            VectorOps.AddScaled(gw2, g, _act);
            VectorOps.AddScaled(_dAct, g, w2);
        }

        for (int j = 0; j < _h; j++)
        {
            if (_pre[j] <= 0f) continue;
            float g = _dAct[j];
            grad[B1 + j] += g;
            var gw1 = grad.AsSpan(j * _d, _d);
            VectorOps.AddScaled(gw1, g, sample.Z);
        }

        return loss;
    }

    /// <summary>(Σ_s ‖ŷ_s − y_s‖², Σ_s ‖y_s‖²) for one sample.</summary>
    public (double Error, double Norm) Error(MimoSample sample, float[][] keys, MimoBinding binding)
    {
        Forward(sample.Z);
        double err = 0, norm = 0;
        for (int s = 0; s < keys.Length; s++)
        {
            Binding.Unbind(binding, keys[s], _out, _slot);
            for (int j = 0; j < _d; j++)
            {
                double e = _slot[j] - sample.Y[s][j];
                err += e * e;
                norm += sample.Y[s][j] * (double)sample.Y[s][j];
            }
        }

        return (err, norm);
    }

    private void Forward(float[] z)
    {
        var p = Parameters.AsSpan();
        for (int j = 0; j < _h; j++)
        {
            var w1 = p.Slice(j * _d, _d);
            float acc = p[B1 + j] + VectorOps.Dot(w1, z);
            _pre[j] = acc;
            _act[j] = MathF.Max(acc, 0f);
        }

        for (int i = 0; i < _d; i++)
        {
            var w2 = p.Slice(W2 + (i * _h), _h);
            float acc = p[B2 + i] + VectorOps.Dot(w2, _act);
            _out[i] = acc;
        }
    }
}
