using BenchmarkDotNet.Attributes;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>
/// Symmetric eigendecomposition (values only, values + vectors; float64 and float32) on both backends,
/// next to a GEMM of the same size as the machine's speed reference (the "vs GEMM" column).
/// Managed stops at n = 2048: at 4096 one decomposition takes minutes. Run with
/// <c>dotnet run -c Release --project benchmarks/Superposition.Benchmarks -- --filter *EigenBenchmarks*</c>.
/// </summary>
[Config(typeof(EigenBenchmarkConfig))]
public class EigenBenchmarks
{
    private const int ManagedLimit = 2048;
    private static readonly int[] Sizes = [256, 512, 1024, 2048, 4096];

    private ILinearAlgebraBackend _backend = null!;
    private double[] _matrix64 = [];
    private float[] _matrix32 = [];
    private double[] _work64 = [];
    private float[] _work32 = [];
    private double[] _values64 = [];
    private float[] _values32 = [];
    private double[] _b64 = [];
    private float[] _b32 = [];

    [ParamsSource(nameof(Cases))]
    public EigenCase Case { get; set; } = new("native", 256);

    /// <summary>
    /// Every size on both backends, or only the backends listed in <c>SUPERPOSITION_BENCH_BACKENDS</c>
    /// (e.g. "native"), to rerun one half on a busy machine.
    /// </summary>
    public static IEnumerable<EigenCase> Cases()
    {
        var only = Environment.GetEnvironmentVariable("SUPERPOSITION_BENCH_BACKENDS");
        bool Wanted(string backend) => string.IsNullOrWhiteSpace(only) || only.Contains(backend, StringComparison.OrdinalIgnoreCase);
        var managed = Wanted("managed") ? Sizes.Where(n => n <= ManagedLimit).Select(n => new EigenCase("managed", n)) : [];
        var native = Wanted("native") ? Sizes.Select(n => new EigenCase("native", n)) : [];
        return managed.Concat(native);
    }

    [GlobalSetup]
    public void Setup()
    {
        _backend = LinearAlgebraBackends.Create(Case.Backend == "managed" ? BackendChoice.Managed : BackendChoice.Native);
        var n = Case.N;
        _matrix64 = BenchmarkMatrices.Symmetric(n);
        _matrix32 = [.. _matrix64.Select(x => (float)x)];
        _b64 = [.. _matrix64.Reverse()];
        _b32 = [.. _matrix32.Reverse()];
        _work64 = new double[n * n];
        _work32 = new float[n * n];
        _values64 = new double[n];
        _values32 = new float[n];
    }

    // The decompositions overwrite their input: restore it outside the timed region.
    [IterationSetup]
    public void Restore()
    {
        Array.Copy(_matrix64, _work64, _matrix64.Length);
        Array.Copy(_matrix32, _work32, _matrix32.Length);
    }

    [Benchmark]
    public double Eigen64Values()
    {
        _backend.SymmetricEigen(Case.N, _work64, _values64, computeVectors: false);
        return _values64[^1];
    }

    [Benchmark]
    public double Eigen64Vectors()
    {
        _backend.SymmetricEigen(Case.N, _work64, _values64, computeVectors: true);
        return _values64[^1];
    }

    [Benchmark]
    public double Gemm64()
    {
        _backend.Gemm(false, false, Case.N, Case.N, Case.N, _matrix64, _b64, _work64);
        return _work64[0];
    }

    [Benchmark]
    public float Eigen32Values()
    {
        _backend.SymmetricEigen(Case.N, _work32, _values32, computeVectors: false);
        return _values32[^1];
    }

    [Benchmark]
    public float Eigen32Vectors()
    {
        _backend.SymmetricEigen(Case.N, _work32, _values32, computeVectors: true);
        return _values32[^1];
    }

    [Benchmark]
    public float Gemm32()
    {
        _backend.Gemm(false, false, Case.N, Case.N, Case.N, _matrix32, _b32, _work32);
        return _work32[0];
    }
}
