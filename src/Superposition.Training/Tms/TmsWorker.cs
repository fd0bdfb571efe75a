using Superposition.Training.Optim;
using Superposition.Training.Rng;

namespace Superposition.Training.Tms;

/// <summary>
/// Trains one (instance, seed) pair. Features are stored padded to whole SIMD vectors (p ≥ n columns, the extra
/// ones zero throughout); the public views are unpadded. The batch is cut into fixed 256-row chunks, each with its own data stream
/// (seed, instance, step, chunk) and its own gradient buffer, summed in chunk order: the result is bit-identical
/// whether chunks run on one thread or several.
/// </summary>
internal sealed class TmsWorker
{
    internal const int ChunkRows = 256;

    private const ulong EvaluationSeed = 0x5EED_E7A1;

    private readonly TmsOptions _o;
    private readonly int _instance;
    private readonly ulong _seed;
    private readonly int _n;
    private readonly int _m;
    private readonly int _p;
    private readonly ulong[] _thresholds;
    private readonly float[] _importance;
    private readonly float[] _teacher;
    private readonly float[] _params;
    private readonly float[] _grad;
    private readonly float[][] _chunkGrad;
    private readonly float[][] _chunkX;
    private readonly float[][] _chunkScratch;
    private readonly double[] _chunkLoss;
    private readonly float[] _evalX;
    private readonly ParameterOptimizer _optimizer;

    public TmsWorker(TmsOptions options, int instance, ulong seed)
    {
        _o = options;
        _instance = instance;
        _seed = seed;
        _n = options.Features;
        _m = options.Hidden;
        _p = TmsKernel.Padded(_n);
        _thresholds = TmsKernel.Thresholds(options.FeatureProbabilities[instance], options.FrequencyProfile, _n);
        _importance = ToFloats(options.Importance, _n, _p);
        _teacher = ToFloats(options.TeacherScale, _n, _p);
        int count = (_m + 1) * _p;
        _params = new float[count];
        _grad = new float[count];
        int chunks = (options.BatchSize + ChunkRows - 1) / ChunkRows;
        _chunkGrad = new float[chunks][];
        _chunkX = new float[chunks][];
        _chunkScratch = new float[chunks][];
        _chunkLoss = new double[chunks];
        for (int c = 0; c < chunks; c++)
        {
            _chunkGrad[c] = new float[count];
            _chunkX[c] = new float[ChunkRows * _p];
            _chunkScratch[c] = new float[TmsKernel.ScratchLength(_p, _m)];
        }

        _optimizer = new ParameterOptimizer(count, options.Optimizer, options.LearningRate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay);
        Initialize();

        // The evaluation set depends on the instance index only (fixed seed), so every seed of an instance is judged on
        // the same data and a seed's reported loss reproduces when that seed is trained alone.
        var evalRng = Xoshiro256.ForStream(EvaluationSeed, Label(3));
        _evalX = new float[options.EvaluationSamples * _p];
        TmsKernel.Sample(ref evalRng, _thresholds, _evalX, _p);
    }

    /// <summary>Current parameters, unpadded: W (m×n row-major) followed by b (n).</summary>
    public float[] Parameters
    {
        get
        {
            var result = new float[(_m + 1) * _n];
            for (int k = 0; k <= _m; k++) Array.Copy(_params, k * _p, result, k * _n, _n);
            return result;
        }
    }

    public int Features => _n;

    public int Hidden => _m;

    /// <summary>Runs all steps, recording the evaluation loss at the given steps; calls <paramref name="onSteps"/> with finished step counts.</summary>
    public (double FinalLoss, LossPoint[] Curve) Run(bool parallelChunks, IReadOnlyList<int> curveSteps, Action<int>? onSteps, CancellationToken ct)
    {
        var curve = new List<LossPoint>(curveSteps.Count + 1) { new(0, EvaluationLoss()) };
        int next = 0;
        int reportEvery = Math.Max(1, _o.Steps / 100);
        for (int step = 1; step <= _o.Steps; step++)
        {
            Step(step, parallelChunks);
            while (next < curveSteps.Count && curveSteps[next] <= step)
            {
                if (curveSteps[next] == step) curve.Add(new LossPoint(step, EvaluationLoss()));
                next++;
            }

            if (step % reportEvery == 0 || step == _o.Steps)
            {
                ct.ThrowIfCancellationRequested();
                onSteps?.Invoke(step % reportEvery == 0 ? reportEvery : step % reportEvery);
            }
        }

        double final = curve[^1].Step == _o.Steps ? curve[^1].Loss : EvaluationLoss();
        return (final, curve.ToArray());
    }

    /// <summary>One optimizer step on a fresh batch; returns the batch loss (mean over rows and features).</summary>
    public double Step(int step, bool parallelChunks)
    {
        int chunks = _chunkGrad.Length;
        if (parallelChunks && chunks > 1) Parallel.For(0, chunks, c => ChunkGradient(step, c));
        else for (int c = 0; c < chunks; c++) ChunkGradient(step, c);

        Array.Copy(_chunkGrad[0], _grad, _grad.Length);
        double loss = _chunkLoss[0];
        for (int c = 1; c < chunks; c++)
        {
            float[] g = _chunkGrad[c];
            for (int i = 0; i < _grad.Length; i++) _grad[i] += g[i];
            loss += _chunkLoss[c];
        }

        _optimizer.Step(_params, _grad);
        return loss / ((double)_o.BatchSize * _n);
    }

    /// <summary>Loss (mean over rows and features) and gradient at the current parameters on the given rows; for tests.</summary>
    /// <remarks><paramref name="x"/> is rows × n and <paramref name="grad"/> is (m + 1) × n, both unpadded.</remarks>
    internal double LossAndGradient(ReadOnlySpan<float> x, int rows, Span<float> grad)
    {
        var xp = new float[rows * _p];
        for (int r = 0; r < rows; r++) x.Slice(r * _n, _n).CopyTo(xp.AsSpan(r * _p));
        var gp = new float[(_m + 1) * _p];
        float scale = 1f / (rows * (float)_n);
        var scratch = new float[TmsKernel.ScratchLength(_p, _m)];
        int wLen = _m * _p;
        double sum = TmsKernel.AccumulateGradient(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, xp, rows, _p, _m, scale, gp.AsSpan(0, wLen), gp.AsSpan(wLen), scratch);
        for (int k = 0; k <= _m; k++) gp.AsSpan(k * _p, _n).CopyTo(grad[(k * _n)..]);
        return sum / ((double)rows * _n);
    }

    /// <summary>Overwrites the parameters from an unpadded (m + 1) × n vector (tests).</summary>
    internal void SetParameters(ReadOnlySpan<float> values)
    {
        for (int k = 0; k <= _m; k++) values.Slice(k * _n, _n).CopyTo(_params.AsSpan(k * _p));
    }

    /// <summary>Mean loss over the fixed evaluation set.</summary>
    public double EvaluationLoss()
    {
        int wLen = _m * _p;
        double sum = TmsKernel.Loss(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, _evalX, _o.EvaluationSamples, _p, _m, _chunkScratch[0]);
        return sum / ((double)_o.EvaluationSamples * _n);
    }

    private void ChunkGradient(int step, int c)
    {
        int rows = Math.Min(ChunkRows, _o.BatchSize - (c * ChunkRows));
        Span<float> x = _chunkX[c].AsSpan(0, rows * _p);
        var rng = Xoshiro256.ForStream(_seed, Label(2), (ulong)step, (ulong)c);
        TmsKernel.Sample(ref rng, _thresholds, x, _p);
        float[] g = _chunkGrad[c];
        Array.Clear(g);
        int wLen = _m * _p;
        float scale = 1f / (_o.BatchSize * (float)_n);
        _chunkLoss[c] = TmsKernel.AccumulateGradient(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, x, rows, _p, _m, scale, g.AsSpan(0, wLen), g.AsSpan(wLen), _chunkScratch[c]);
    }

    private void Initialize()
    {
        // Xavier-normal for an m×n matrix: std = sqrt(2 / (n + m)), times InitScale. b = 0.
        var rng = Xoshiro256.ForStream(_seed, Label(1));
        double std = _o.InitScale * Math.Sqrt(2.0 / (_n + _m));
        for (int k = 0; k < _m; k++)
            for (int i = 0; i < _n; i++) _params[(k * _p) + i] = (float)(std * rng.NextGaussian());
    }

    private ulong Label(ulong purpose) => ((ulong)_instance << 8) | purpose;

    private static float[] ToFloats(IReadOnlyList<double>? values, int n, int padded)
    {
        var result = new float[padded];
        for (int i = 0; i < n; i++) result[i] = values is null ? 1f : (float)values[i];
        return result;
    }
}
