using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Superposition.Training;

namespace Superposition.Benchmarks;

/// <summary>
/// The trainers' two small float32 loops (dot product and y += αv, the inner loops of the MIMO and dynamics
/// students) against System.Numerics.Tensors' TensorPrimitives, at the lengths those trainers use (32 to 1000).
/// TensorPrimitives is the baseline of each pair.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory, BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class VectorOpsBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _y = [];

    [Params(32, 128, 1000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _a = Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        _b = Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        _y = new float[Length];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("dot")]
    public float Dot_TensorPrimitives() => TensorPrimitives.Dot(_a, _b);

    [Benchmark, BenchmarkCategory("dot")]
    public float Dot_VectorOps() => VectorOps.Dot(_a, _b);

    [Benchmark(Baseline = true), BenchmarkCategory("axpy")]
    public void AddScaled_TensorPrimitives() => TensorPrimitives.MultiplyAdd(_b, 0.5f, _y, _y);

    [Benchmark, BenchmarkCategory("axpy")]
    public void AddScaled_VectorOps() => VectorOps.AddScaled(_y, 0.5f, _b);
}
