using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>
/// Why the managed backend has its own symmetric eigensolver: MathNet's Evd (same EISPACK algorithm,
/// scalar, always builds eigenvectors, copies the matrix) against ours, values only and with vectors.
/// </summary>
[Config(typeof(EigenBenchmarkConfig))]
public class ManagedEigenBenchmarks
{
    private readonly ManagedBackend _backend = new();
    private double[] _matrix = [];
    private double[] _work = [];
    private double[] _values = [];

    [Params(512, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = BenchmarkMatrices.Symmetric(N);
        _work = new double[N * N];
        _values = new double[N];
    }

    [IterationSetup]
    public void Restore() => Array.Copy(_matrix, _work, _matrix.Length);

    [Benchmark(Baseline = true)]
    public double MathNetEvd() => Matrix<double>.Build.Dense(N, N, _work).Evd(Symmetricity.Symmetric).EigenValues[N - 1].Real;

    [Benchmark]
    public double OwnValuesAndVectors()
    {
        _backend.SymmetricEigen(N, _work, _values, computeVectors: true);
        return _values[^1];
    }

    [Benchmark]
    public double OwnValuesOnly()
    {
        _backend.SymmetricEigen(N, _work, _values, computeVectors: false);
        return _values[^1];
    }
}
