using BenchmarkDotNet.Attributes;
using Superposition.Onnx;

namespace Superposition.Benchmarks.Onnx;

/// <summary>
/// Load throughput of the largest bundled sample (the 10.8 MB recognizer) against the floor of reading the same
/// file's bytes, measured in the same run. MB/s = file size / mean time; the ratio to ReadBytes is what to watch.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class LoaderBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup() => _path = BenchmarkPaths.Recognizer;

    [Benchmark(Baseline = true, Description = "read file bytes")]
    public int ReadBytes() => File.ReadAllBytes(_path).Length;

    [Benchmark(Description = "parse + index tensors + orient")]
    public int Load() => OnnxModelLoader.Load(_path).Matrices.Count;

    [Benchmark(Description = "load + decode every weight matrix as a frame")]
    public double LoadAndDecodeFrames()
    {
        var model = OnnxModelLoader.Load(_path);
        double sum = 0;
        foreach (var matrix in model.Matrices)
        {
            var frame = matrix.Orient(Superposition.Onnx.Orientation.OrientationChoice.Auto);
            sum += matrix.ReadFrame(frame.FeatureAxis)[0];
        }

        return sum;
    }
}
