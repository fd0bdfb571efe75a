using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Superposition.Onnx.Tests.Support;
using Xunit.Abstractions;

namespace Superposition.Onnx.Tests.Samples;

/// <summary>
/// The derived MiniLM variants are what ONNX Runtime (the official package) runs: each gives the float model's
/// sentence embedding within a tolerance that fits its precision. A wrong packing (nibble order, zero-point layout,
/// scale axis) would give an unrelated embedding (cosine near 0), so these tolerances check the layouts the loader
/// tests rely on.
/// </summary>
public sealed class MiniLmRuntimeTests(ITestOutputHelper output)
{
    // "the quick brown fox" in the BERT uncased vocabulary, with [CLS] and [SEP].
    private static readonly long[] Tokens = [101, 1996, 4248, 2829, 4419, 102];

    private static float[] Embedding(string path)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(path, options);
        int length = Tokens.Length;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(Tokens, [1, length])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, length).ToArray(), [1, length])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[length], [1, length])),
        };
        using var results = session.Run(inputs);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        // Mean pooling over tokens, as sentence-transformers does for this model.
        var pooled = new float[384];
        for (int t = 0; t < length; t++)
        {
            for (int d = 0; d < 384; d++) pooled[d] += hidden[0, t, d] / length;
        }

        return pooled;
    }

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b, (x, y) => (double)x * y).Sum() / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));

    [Theory]
    [InlineData("model-fused-qkv.onnx", 0.99999)]
    [InlineData("external/model.onnx", 0.99999)]
    [InlineData("model-int8-qdq.onnx", 0.999)]
    [InlineData("model-dynamic.onnx", 0.99)]
    [InlineData("model-int4.onnx", 0.95)]
    [InlineData("model-int4-sym.onnx", 0.95)]
    public void Derived_variant_runs_in_onnx_runtime_and_embeds_like_the_float_model(string file, double minimumCosine)
    {
        var reference = Embedding(MiniLm.Float);
        var variant = Embedding(Path.Combine(MiniLm.Folder, file));
        double cosine = Cosine(reference, variant);
        output.WriteLine($"{file}: cosine to the float embedding {cosine:F6}");
        Assert.True(cosine >= minimumCosine, $"{file}: cosine {cosine} to the float embedding, expected at least {minimumCosine}");
    }
}
