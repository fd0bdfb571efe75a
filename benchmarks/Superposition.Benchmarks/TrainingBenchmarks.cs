using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Superposition.Training.Tms;

namespace Superposition.Benchmarks;

/// <summary>
/// Toy-model training throughput. "Train" runs <see cref="StepsPerInvoke"/> optimizer steps of every instance of a
/// preset exactly as <see cref="TmsTrainer"/> schedules them (instances in parallel on all cores), so Op/s is
/// steps per second of the whole preset. Flops per step = 10·batch·n·m·instances (forward 2 MatMuls = 4Bnm,
/// backward W·d, h·dᵀ, dh·xᵀ = 6Bnm; elementwise work not counted). "Sgemm" is the in-process float32 peak
/// reference: our blocked <see cref="Vector{T}"/> SGEMM of 512×512×512 on all cores (Op/s × 2·512³ = flop/s), and
/// "OpenBLAS SGEMM" the same product of 1024×1024×1024 through the native backend (OpenBLAS' own threads, Op/s × 2·1024³).
/// Run with <c>dotnet run -c Release --project benchmarks/Superposition.Benchmarks -- --filter '*Training*'</c>.
/// </summary>
[Config(typeof(TrainingBenchmarkConfig))]
public class TrainingBenchmarks
{
    /// <summary>Optimizer steps per benchmark invocation.</summary>
    public const int StepsPerInvoke = 20;

    private const int GemmSize = 512;

    private const int BlasSize = 1024;

    private TmsWorker[] _workers = [];
    private int _step;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private float[] _ba = [];
    private float[] _bb = [];
    private float[] _bc = [];
    private Superposition.Spectral.LinearAlgebra.ILinearAlgebraBackend? _blas;

    /// <summary>Preset name: 5-2, 100-20 or 200-20.</summary>
    [Params("5-2", "100-20", "200-20")]
    public string Preset { get; set; } = "5-2";

    [GlobalSetup]
    public void Setup()
    {
        var options = TmsPresets.ByName(Preset) with { EvaluationSamples = 1 };
        _workers = Enumerable.Range(0, options.FeatureProbabilities.Count).Select(i => new TmsWorker(options, i, options.Seed)).ToArray();
        var rng = new Superposition.Training.Rng.Xoshiro256(1);
        _a = new float[GemmSize * GemmSize];
        _b = new float[GemmSize * GemmSize];
        _c = new float[GemmSize * GemmSize];
        for (int i = 0; i < _a.Length; i++)
        {
            _a[i] = rng.NextFloat() - 0.5f;
            _b[i] = rng.NextFloat() - 0.5f;
        }

        _ba = new float[BlasSize * BlasSize];
        _bb = new float[BlasSize * BlasSize];
        _bc = new float[BlasSize * BlasSize];
        for (int i = 0; i < _ba.Length; i++)
        {
            _ba[i] = rng.NextFloat() - 0.5f;
            _bb[i] = rng.NextFloat() - 0.5f;
        }

        if (Superposition.Spectral.LinearAlgebra.NativeBackend.IsAvailable(out _)) _blas = new Superposition.Spectral.LinearAlgebra.NativeBackend();
    }

    [Benchmark(Description = "OpenBLAS SGEMM 1024 (peak reference)")]
    public float OpenBlasSgemm()
    {
        if (_blas is null) throw new InvalidOperationException("OpenBLAS not loadable: install libopenblas0-pthread");
        _blas.Gemm(false, false, BlasSize, BlasSize, BlasSize, _ba, _bb, _bc);
        return _bc[0];
    }

    [Benchmark(Description = "Train (steps)", OperationsPerInvoke = StepsPerInvoke)]
    public void Train()
    {
        int first = _step;
        Parallel.For(0, _workers.Length, i =>
        {
            for (int s = 1; s <= StepsPerInvoke; s++) _workers[i].Step(first + s, parallelChunks: false);
        });
        _step += StepsPerInvoke;
    }

    [Benchmark(Description = "SGEMM 512 (peak reference)")]
    public float Sgemm()
    {
        BlockedSgemm.Multiply(_a, _b, _c, GemmSize);
        return _c[0];
    }
}

/// <summary>
/// C = A·B for square row-major float32 matrices: row blocks of 4 in parallel, each computing 4 × (2 vectors) tiles
/// with 8 accumulators, broadcasting A entries and streaming rows of B (the 512 × 16 B panel stays in L1).
/// </summary>
internal static class BlockedSgemm
{
    public static void Multiply(float[] a, float[] b, float[] c, int n)
    {
        int vc = Vector<float>.Count;
        int tiles = n / 4;
        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            int from = tiles * part / Environment.ProcessorCount, to = tiles * (part + 1) / Environment.ProcessorCount;
            ref float ar = ref MemoryMarshal.GetArrayDataReference(a);
            ref float br = ref MemoryMarshal.GetArrayDataReference(b);
            ref float cr = ref MemoryMarshal.GetArrayDataReference(c);
            for (int j = 0; j < n; j += 2 * vc)
            {
                for (int t = from; t < to; t++)
                {
                    int i = 4 * t;
                    Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
                    Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
                    for (int k = 0; k < n; k++)
                    {
                        var b0 = Vector.LoadUnsafe(ref br, (nuint)((k * n) + j));
                        var b1 = Vector.LoadUnsafe(ref br, (nuint)((k * n) + j + vc));
                        var a0 = new Vector<float>(Unsafe.Add(ref ar, (i * n) + k));
                        var a1 = new Vector<float>(Unsafe.Add(ref ar, ((i + 1) * n) + k));
                        var a2 = new Vector<float>(Unsafe.Add(ref ar, ((i + 2) * n) + k));
                        var a3 = new Vector<float>(Unsafe.Add(ref ar, ((i + 3) * n) + k));
                        c00 = Vector.FusedMultiplyAdd(a0, b0, c00);
                        c01 = Vector.FusedMultiplyAdd(a0, b1, c01);
                        c10 = Vector.FusedMultiplyAdd(a1, b0, c10);
                        c11 = Vector.FusedMultiplyAdd(a1, b1, c11);
                        c20 = Vector.FusedMultiplyAdd(a2, b0, c20);
                        c21 = Vector.FusedMultiplyAdd(a2, b1, c21);
                        c30 = Vector.FusedMultiplyAdd(a3, b0, c30);
                        c31 = Vector.FusedMultiplyAdd(a3, b1, c31);
                    }

                    c00.StoreUnsafe(ref cr, (nuint)((i * n) + j));
                    c01.StoreUnsafe(ref cr, (nuint)((i * n) + j + vc));
                    c10.StoreUnsafe(ref cr, (nuint)(((i + 1) * n) + j));
                    c11.StoreUnsafe(ref cr, (nuint)(((i + 1) * n) + j + vc));
                    c20.StoreUnsafe(ref cr, (nuint)(((i + 2) * n) + j));
                    c21.StoreUnsafe(ref cr, (nuint)(((i + 2) * n) + j + vc));
                    c30.StoreUnsafe(ref cr, (nuint)(((i + 3) * n) + j));
                    c31.StoreUnsafe(ref cr, (nuint)(((i + 3) * n) + j + vc));
                }
            }
        });
    }
}

/// <summary>In-process job, 3 warm-ups, 10 iterations, Op/s column.</summary>
public sealed class TrainingBenchmarkConfig : ManualConfig
{
    public TrainingBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("InProcess"));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
