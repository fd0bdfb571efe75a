using Superposition.Reports.Diff;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Tests.Diff;

/// <summary>Frames for the diff tests: analysed layers built from m × n column-major weights, seeded Gaussians.</summary>
internal static class DiffFrames
{
    public static readonly ILinearAlgebraBackend Backend = LinearAlgebraBackends.Create(BackendChoice.Auto);

    public static LayerAnalysis Layer(string name, int m, int n, double[] weights, string? decoding = null)
    {
        var analysis = FrameAnalyzer.Analyze(new FrameInput(name, m, n, weights), AnalysisOptions.Default with { PerFeature = true }, Backend);
        return new LayerAnalysis(name, name, "MatMul", "mm", [n, m], "float32", "read", $"{n} units in R^{m}", n, m, decoding, [], 0, analysis);
    }

    /// <summary>A and B compared as one pair of same-named layers.</summary>
    public static LayerDiff Compare(int m, int n, double[] a, double[] b, string? decodingB = null) =>
        ModelDiffer.CompareLayer(Layer("w", m, n, a), a, Layer("w", m, n, b, decodingB), b, "name", Backend);

    public static double[] Gaussian(int rows, int cols, Random random) =>
        Enumerable.Range(0, rows * cols).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();

    /// <summary>The regular k-gon of unit vectors in R^2 (feature j at angle 2πj/k), column-major 2 × k.</summary>
    public static double[] Polygon(int k) =>
        Enumerable.Range(0, k).SelectMany(j => new[] { Math.Cos(2 * Math.PI * j / k), Math.Sin(2 * Math.PI * j / k) }).ToArray();

    /// <summary>Symmetric uniform quantization to integer codes in [−levels, levels] with scale max|w| / levels, dequantized.</summary>
    public static double[] Quantize(double[] weights, int levels)
    {
        double scale = weights.Max(Math.Abs) / levels;
        return weights.Select(w => Math.Clamp(Math.Round(w / scale), -levels, levels) * scale).ToArray();
    }
}
