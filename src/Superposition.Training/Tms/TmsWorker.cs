using Superposition.Training.Optim;
using Superposition.Training.Rng;

namespace Superposition.Training.Tms;

/// <summary>
/// Trains one (instance, seed) pair. Features are stored padded (p ≥ n columns) and W has mp ≥ m rows (m rounded up
/// to 4); the extra entries are zero throughout and the public views are unpadded. The batch is cut into fixed
/// 256-row chunks, each with its own data stream (seed, instance, step, chunk) and its own gradient buffer, summed in
/// chunk order: the result is bit-identical whether chunks run on one thread or several. With 512-bit vectors the
/// chunk gradient is <see cref="TmsBatchKernel"/> (batch on the lanes), otherwise <see cref="TmsKernel"/>; the two
/// draw their data differently, so a seed's bytes depend on which one the CPU runs (each is deterministic).
/// No allocation per step.
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
    private readonly int _mp;
    private readonly int _p;
    private readonly bool _batchKernel;
    private readonly ulong[] _thresholds;
    private readonly uint[] _limit;
    private readonly float[] _valueScale;
    private readonly float[] _importance;
    private readonly float[] _teacher;
    private readonly float[] _params;
    private readonly float[] _grad;
    private readonly float[][] _chunkGrad;
    private readonly double[] _chunkLoss;
    private readonly Scratch[] _scratch;
    private readonly float[] _evalX;
    private readonly float[] _evalScratch;
    private readonly ParameterOptimizer _optimizer;

    public TmsWorker(TmsOptions options, int instance, ulong seed, bool? batchKernel = null)
    {
        _o = options;
        _instance = instance;
        _seed = seed;
        _n = options.Features;
        _m = options.Hidden;
        _mp = TmsBatchKernel.PaddedHidden(_m);
        _p = TmsKernel.Padded(_n);
        _batchKernel = batchKernel ?? TmsBatchKernel.IsSupported;
        _thresholds = TmsKernel.Thresholds(options.FeatureProbabilities[instance], options.FrequencyProfile, _n);
        (_limit, _valueScale) = TmsBatchKernel.SampleConstants(_thresholds);
        _importance = ToFloats(options.Importance, _n, _p);
        _teacher = ToFloats(options.TeacherScale, _n, _p);
        int count = (_mp + 1) * _p;
        _params = new float[count];
        _grad = new float[count];
        int chunks = (options.BatchSize + ChunkRows - 1) / ChunkRows;
        _chunkGrad = new float[chunks][];
        _chunkLoss = new double[chunks];
        for (int c = 0; c < chunks; c++) _chunkGrad[c] = new float[count];

        // One scratch set per thread that may run chunks at once (chunks of one set run in order).
        _scratch = new Scratch[Math.Min(chunks, Math.Max(1, Environment.ProcessorCount))];
        for (int s = 0; s < _scratch.Length; s++) _scratch[s] = new Scratch(_batchKernel, Math.Min(ChunkRows, options.BatchSize), _p, _mp);

        _optimizer = new ParameterOptimizer(count, options.Optimizer, options.LearningRate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay);
        Initialize();

        // The evaluation set depends on the instance index only (fixed seed), so every seed of an instance is judged on
        // the same data and a seed's reported loss reproduces when that seed is trained alone.
        var evalRng = Xoshiro256.ForStream(EvaluationSeed, Label(3));
        _evalX = new float[options.EvaluationSamples * _p];
        TmsKernel.Sample(ref evalRng, _thresholds, _evalX, _p);
        _evalScratch = new float[TmsKernel.ScratchLength(_p, _mp)];
    }

    /// <summary>Current parameters, unpadded: W (m×n row-major) followed by b (n).</summary>
    public float[] Parameters
    {
        get
        {
            var result = new float[(_m + 1) * _n];
            for (int k = 0; k < _m; k++) Array.Copy(_params, k * _p, result, k * _n, _n);
            Array.Copy(_params, _mp * _p, result, _m * _n, _n);
            return result;
        }
    }

    public int Features => _n;

    public int Hidden => _m;

    /// <summary>Whether this worker runs <see cref="TmsBatchKernel"/>.</summary>
    public bool UsesBatchKernel => _batchKernel;

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
        int sets = _scratch.Length;
        if (parallelChunks && sets > 1)
        {
            Parallel.For(0, sets, s =>
            {
                for (int c = s; c < chunks; c += sets) ChunkGradient(step, c, _scratch[s]);
            });
        }
        else
        {
            for (int c = 0; c < chunks; c++) ChunkGradient(step, c, _scratch[0]);
        }

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
        var gp = new float[(_mp + 1) * _p];
        float scale = 1f / (rows * (float)_n);
        double sum;
        if (_batchKernel)
        {
            var s = new Scratch(true, rows, _p, _mp);
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < _n; i++) s.X[(i * s.RowStride) + r] = x[(r * _n) + i];
            sum = BatchGradient(s, TmsBatchKernel.RowMask(rows, s.RowStride), scale, gp);
        }
        else
        {
            var xp = new float[rows * _p];
            for (int r = 0; r < rows; r++) x.Slice(r * _n, _n).CopyTo(xp.AsSpan(r * _p));
            var scratch = new float[TmsKernel.ScratchLength(_p, _mp)];
            int wLen = _mp * _p;
            sum = TmsKernel.AccumulateGradient(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, xp, rows, _p, _mp, scale, gp.AsSpan(0, wLen), gp.AsSpan(wLen), scratch);
        }

        for (int k = 0; k < _m; k++) gp.AsSpan(k * _p, _n).CopyTo(grad[(k * _n)..]);
        gp.AsSpan(_mp * _p, _n).CopyTo(grad[(_m * _n)..]);
        return sum / ((double)rows * _n);
    }

    /// <summary>Overwrites the parameters from an unpadded (m + 1) × n vector (tests).</summary>
    internal void SetParameters(ReadOnlySpan<float> values)
    {
        for (int k = 0; k < _m; k++) values.Slice(k * _n, _n).CopyTo(_params.AsSpan(k * _p));
        values.Slice(_m * _n, _n).CopyTo(_params.AsSpan(_mp * _p));
    }

    /// <summary>Mean loss over the fixed evaluation set.</summary>
    public double EvaluationLoss()
    {
        int wLen = _mp * _p;
        double sum = TmsKernel.Loss(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, _evalX, _o.EvaluationSamples, _p, _mp, _evalScratch);
        return sum / ((double)_o.EvaluationSamples * _n);
    }

    private void ChunkGradient(int step, int c, Scratch s)
    {
        int rows = Math.Min(ChunkRows, _o.BatchSize - (c * ChunkRows));
        float[] g = _chunkGrad[c];
        Array.Clear(g);
        float scale = 1f / (_o.BatchSize * (float)_n);
        if (_batchKernel)
        {
            var rng = Xoshiro256x8.ForStream(_seed, Label(2), (ulong)step, (ulong)c);
            float[] mask = rows == s.Rows ? s.Mask : s.LastMask(rows);
            TmsBatchKernel.Sample(ref rng, _limit, _valueScale, s.X, s.RowStride, mask);
            _chunkLoss[c] = BatchGradient(s, mask, scale, g);
            return;
        }

        Span<float> x = s.X.AsSpan(0, rows * _p);
        var scalarRng = Xoshiro256.ForStream(_seed, Label(2), (ulong)step, (ulong)c);
        TmsKernel.Sample(ref scalarRng, _thresholds, x, _p);
        int wLen = _mp * _p;
        _chunkLoss[c] = TmsKernel.AccumulateGradient(_params.AsSpan(0, wLen), _params.AsSpan(wLen), _importance, _teacher, x, rows, _p, _mp, scale, g.AsSpan(0, wLen), g.AsSpan(wLen), s.Kernel);
    }

    /// <summary>Adds scale·∂loss/∂(W, b) for the rows in <paramref name="s"/>.X into <paramref name="g"/>; returns the unscaled loss sum.</summary>
    private double BatchGradient(Scratch s, float[] mask, float scale, float[] g)
    {
        int wLen = _mp * _p, rp = s.RowStride;
        ReadOnlySpan<float> w = _params.AsSpan(0, wLen);
        TmsBatchKernel.Hidden(w, _p, _n, _mp, s.X, s.H, rp);
        double loss = TmsBatchKernel.Output(w, _params.AsSpan(wLen), _importance, _teacher, _p, _n, _m, s.H, s.X, s.D, rp, mask, 2f * scale, g.AsSpan(wLen));
        TmsBatchKernel.Hidden(w, _p, _n, _mp, s.D, s.DH, rp);
        TmsBatchKernel.WeightGradient(s.H, s.DH, s.D, s.X, rp, _n, _mp, _p, g.AsSpan(0, wLen));
        return loss;
    }

    private void Initialize()
    {
        // Xavier-normal (whole-tensor or per-matrix fans, TmsOptions.InitialStd), times InitScale. b = 0.
        var rng = Xoshiro256.ForStream(_seed, Label(1));
        double std = _o.InitialStd;
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

    /// <summary>Buffers of one chunk: Xᵀ, D (features × row stride), H, ∂H (mp × row stride), or the row-major X of <see cref="TmsKernel"/>.</summary>
    private sealed class Scratch
    {
        private float[]? _lastMask;

        public Scratch(bool batch, int rows, int p, int mp)
        {
            Rows = rows;
            if (batch)
            {
                RowStride = TmsBatchKernel.PaddedRows(rows);
                X = new float[p * RowStride];
                D = new float[p * RowStride];
                H = new float[mp * RowStride];
                DH = new float[mp * RowStride];
                Mask = TmsBatchKernel.RowMask(rows, RowStride);
                Kernel = [];
            }
            else
            {
                X = new float[rows * p];
                D = H = DH = Mask = [];
                Kernel = new float[TmsKernel.ScratchLength(p, mp)];
            }
        }

        public int Rows { get; }

        public int RowStride { get; }

        public float[] X { get; }

        public float[] D { get; }

        public float[] H { get; }

        public float[] DH { get; }

        public float[] Mask { get; }

        public float[] Kernel { get; }

        /// <summary>Mask of a shorter last chunk (made once).</summary>
        public float[] LastMask(int rows) => _lastMask ??= TmsBatchKernel.RowMask(rows, RowStride);
    }
}
