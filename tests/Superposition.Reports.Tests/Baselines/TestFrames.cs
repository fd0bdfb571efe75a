using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Tests.Baselines;

/// <summary>Small frames with known geometry, analysed by the Spectral code, wrapped as layers.</summary>
internal static class TestFrames
{
    public static ILinearAlgebraBackend Backend { get; } = LinearAlgebraBackends.Create(BackendChoice.Managed);

    public static AnalysisOptions Options { get; } = AnalysisOptions.Default with { PerFeature = true };

    /// <summary>k unit vectors at angles 2πj/k in the plane (column-major, m = 2).</summary>
    public static double[] Polygon(int k) =>
        Enumerable.Range(0, k).SelectMany(j => new[] { Math.Cos(2 * Math.PI * j / k), Math.Sin(2 * Math.PI * j / k) }).ToArray();

    /// <summary>Seeded i.i.d. normal entries (Box–Muller), column-major m × n.</summary>
    public static double[] Gaussian(int n, int m, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n * m).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
    }

    public static FrameAnalysis Analyze(string name, int n, int m, double[] weights) => FrameAnalyzer.Analyze(new FrameInput(name, m, n, weights), Options, Backend);

    public static LayerAnalysis Layer(string name, int n, int m, double[] weights, bool byConstruction = false, IReadOnlyList<string>? notes = null) =>
        new(name, name, "MatMul", name, [m, n], "float32", "read", "test frame", n, m, null, notes ?? [], 0.01, Analyze(name, n, m, weights), byConstruction);

    public static ModelAnalysis Model(params LayerAnalysis[] layers) =>
        new(new ModelIdentity("test.onnx", "", 0, "test", 8, ["ai.onnx 17"], layers.Sum(l => (long)l.Features * l.Hidden), layers.Length),
            "managed", ModelAnalysisOptions.Default with { Analysis = Options }, layers, [], 0.1);
}
