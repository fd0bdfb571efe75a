using Superposition.Training.Tms;

namespace Superposition.Training.Optim;

/// <summary>
/// AdamW or SGD over one flat float32 parameter vector, following PyTorch's update order exactly
/// (AdamW: decay p ← p(1 − lr·wd), then m, v, bias-corrected step lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + ε)).
/// </summary>
internal sealed class ParameterOptimizer
{
    private readonly ToyOptimizer _kind;
    private readonly float _lr;
    private readonly float _beta1;
    private readonly float _beta2;
    private readonly float _eps;
    private readonly float _weightDecay;
    private readonly float[] _m;
    private readonly float[] _v;
    private int _t;

    public ParameterOptimizer(int length, ToyOptimizer kind, double lr, double beta1, double beta2, double eps, double weightDecay)
    {
        _kind = kind;
        _lr = (float)lr;
        _beta1 = (float)beta1;
        _beta2 = (float)beta2;
        _eps = (float)eps;
        _weightDecay = (float)weightDecay;
        _m = kind == ToyOptimizer.AdamW ? new float[length] : [];
        _v = kind == ToyOptimizer.AdamW ? new float[length] : [];
    }

    /// <summary>Applies one step with gradient <paramref name="grad"/> to <paramref name="param"/>.</summary>
    public void Step(Span<float> param, ReadOnlySpan<float> grad)
    {
        _t++;
        if (_kind == ToyOptimizer.Sgd)
        {
            for (int i = 0; i < param.Length; i++) param[i] -= _lr * (grad[i] + (_weightDecay * param[i]));
            return;
        }

        float bc1 = 1f - MathF.Pow(_beta1, _t);
        float bc2Sqrt = MathF.Sqrt(1f - MathF.Pow(_beta2, _t));
        float stepSize = _lr / bc1;
        float decay = 1f - (_lr * _weightDecay);
        for (int i = 0; i < param.Length; i++)
        {
            float g = grad[i];
            float mi = _m[i] = (_beta1 * _m[i]) + ((1f - _beta1) * g);
            float vi = _v[i] = (_beta2 * _v[i]) + ((1f - _beta2) * g * g);
            float p = param[i] * decay;
            param[i] = p - (stepSize * mi / ((MathF.Sqrt(vi) / bc2Sqrt) + _eps));
        }
    }
}
