using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Onnx.Tests.Support;
using Xunit.Abstractions;

namespace Superposition.Onnx.Tests.Samples;

/// <summary>
/// all-MiniLM-L6-v2 against its 4-bit (MatMulNBits), int8 QDQ and dynamically quantized (MatMulInteger) variants,
/// layer by layer. References: the derivation script's own float64 dequantization (quantization.json) and LAPACK's
/// symmetric eigensolver (OpenBLAS, called directly). The bound is Weyl's inequality: for W̃ = W + E, |σ_k(W̃) − σ_k(W)| ≤ ‖E‖₂ ≤ ‖E‖_F, hence
/// |λ̃_k − λ_k| ≤ ‖E‖_F (σ_k + σ̃_k) for every eigenvalue λ_k = σ_k² of F = W Wᵀ.
/// </summary>
public sealed class MiniLmVariantTests(ITestOutputHelper output)
{
    private static readonly Lazy<OnnxModel> FloatModel = new(() => OnnxModelLoader.Load(MiniLm.Float));

    [Theory]
    [InlineData("model-int4.onnx", "_Q4", "MatMulNBits")]
    [InlineData("model-int4-sym.onnx", "_Q4", "MatMulNBits")]
    [InlineData("model-int8-qdq.onnx", "_quantized", "MatMul")]
    [InlineData("model-dynamic.onnx", "_quantized", "MatMulInteger")]
    public void Quantized_variant_matches_the_float_model_layer_by_layer_within_the_quantization_error(string file, string suffix, string op)
    {
        var reference = FloatModel.Value;
        var quantized = OnnxModelLoader.Load(Path.Combine(MiniLm.Folder, file));
        var expected = MiniLm.RoundingBounds(file);
        Assert.Equal(reference.ParameterCount, quantized.ParameterCount);
        Assert.Equal(reference.Matrices.Count, quantized.Matrices.Count);

        var floatByName = reference.Matrices.ToDictionary(m => m.Name);
        var decoded = quantized.Matrices.Where(m => m.Op == op).ToList();
        Assert.Equal(36, decoded.Count); // six blocks of q, k, v, o, up, down
        double worstRelative = 0;
        foreach (var matrix in decoded)
        {
            string original = matrix.Name[..^suffix.Length];
            var twin = floatByName[original];
            Assert.Equal((twin.ReadableName, twin.Role, twin.BlockIndex), (matrix.ReadableName, matrix.Role, matrix.BlockIndex));
            var a = twin.Orient(OrientationChoice.Auto);
            var b = matrix.Orient(OrientationChoice.Auto);
            Assert.Equal((a.Features, a.Hidden, a.Label), (b.Features, b.Hidden, b.Label));

            var (w, lambda) = FrameSpectrum.Of(twin);
            var (wq, lambdaQ) = FrameSpectrum.Of(matrix);
            // The decoding reproduces the quantizer's own dequantized weights (float64 sums, relative 1e-9).
            var record = expected[original];
            Assert.Equal(1, wq.Sum(v => v * v) / record["sum_squares"], 1e-9);
            double maxError = w.Zip(wq, (x, y) => Math.Abs(x - y)).Max();
            double frobenius = Math.Sqrt(w.Zip(wq, (x, y) => (x - y) * (x - y)).Sum());
            Assert.Equal(record["max_error"], maxError, 1e-7);
            Assert.Equal(1, frobenius / record["frobenius_error"], 1e-6);
            Assert.True(maxError <= (2 * record["half_step"]) + 1e-7, $"{matrix.Name}: element error {maxError} over one quantization step {2 * record["half_step"]}");

            for (int k = 0; k < lambda.Length; k++)
            {
                double s = Math.Sqrt(Math.Max(lambda[k], 0)), sq = Math.Sqrt(Math.Max(lambdaQ[k], 0));
                Assert.True(Math.Abs(sq - s) <= frobenius * (1 + 1e-9) + 1e-9, $"{matrix.Name}: σ_{k} moved {Math.Abs(sq - s)} > ‖E‖_F {frobenius}");
                Assert.True(Math.Abs(lambdaQ[k] - lambda[k]) <= (frobenius * (s + sq) * (1 + 1e-9)) + 1e-9, $"{matrix.Name}: λ_{k} outside the Weyl bound");
            }

            worstRelative = Math.Max(worstRelative, Math.Abs(lambdaQ[0] - lambda[0]) / lambda[0]);
        }

        output.WriteLine($"{file}: largest relative change of λ_max over the 36 layers: {worstRelative:G3}");
    }

    [Fact]
    public void Fused_qkv_gives_three_frames_per_attention_layer_equal_to_the_unfused_q_k_v_frames()
    {
        var reference = FloatModel.Value;
        var fused = OnnxModelLoader.Load(MiniLm.FusedQkv);
        Assert.Equal(reference.ParameterCount, fused.ParameterCount);
        for (int block = 0; block < 6; block++)
        {
            var parts = fused.Matrices.Where(m => m.Tensor.Name == $"encoder.layer.{block}.attention.self.qkv.weight").ToList();
            Assert.Equal(["q", "k", "v"], parts.Select(p => p.Role));
            foreach (var (part, role) in parts.Zip(new[] { "query", "key", "value" }))
            {
                var twin = reference.Matrices.Single(m => m.ReadableName == $"encoder.layer.{block}.attention.self.{role}");
                Assert.Equal(block, part.BlockIndex);
                Assert.Equal((twin.Rows, twin.Columns, twin.ReadAxis), (part.Rows, part.Columns, part.ReadAxis));
                Assert.Equal(twin.ReadFrame(FeatureAxis.Columns), part.ReadFrame(FeatureAxis.Columns));
                Assert.Equal(twin.ReadFrame(FeatureAxis.Rows), part.ReadFrame(FeatureAxis.Rows));
            }
        }
    }

    [Fact]
    public void External_data_variant_reads_the_same_frames()
    {
        var reference = FloatModel.Value;
        var external = OnnxModelLoader.Load(MiniLm.External);
        Assert.Contains(external.Tensors, t => t.Storage == TensorStorage.External);
        Assert.Equal(reference.Matrices.Select(m => m.Name), external.Matrices.Select(m => m.Name));
        foreach (var (a, b) in reference.Matrices.Zip(external.Matrices).Where(p => p.First.Op == "MatMul").Take(6))
        {
            Assert.Equal(a.ReadFrame(FeatureAxis.Rows), b.ReadFrame(FeatureAxis.Rows));
        }
    }

    [Fact]
    public void Transformer_layers_get_the_names_blocks_and_roles_people_use()
    {
        var model = FloatModel.Value;
        string[] roles = ["q", "k", "v", "o", "up", "down"];
        string[] modules = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"];
        for (int block = 0; block < 6; block++)
        {
            for (int r = 0; r < roles.Length; r++)
            {
                var matrix = model.Matrices.Single(m => m.ReadableName == $"encoder.layer.{block}.{modules[r]}");
                Assert.Matches(@"^\d+$", matrix.Name); // the exporter's number, shown beside the readable name
                Assert.Equal((block, roles[r]), (matrix.BlockIndex, matrix.Role));
            }
        }

        Assert.Equal(3, model.Matrices.Count(m => m.Role == "embedding"));
        Assert.Equal("head", model.Matrices.Single(m => m.ReadableName == "pooler.dense").Role);
        // token_type_embeddings [2, 384]: two tokens in R^384.
        var types = model.Matrices.Single(m => m.Tensor.Name == "embeddings.token_type_embeddings.weight").Orient(OrientationChoice.Auto);
        Assert.Equal((2, 384), (types.Features, types.Hidden));
    }
}
