using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Samples;

/// <summary>
/// The bundled real models list the weights a reader of their graphs expects. Expected names, shapes and sums
/// of squares were read independently with the onnx Python package and numpy (float64 sums of the float32 values);
/// parameter counts are the elements of every float and 8-bit integer tensor (initializers and Constant values, all
/// subgraphs), summed with onnx and numpy: integer shape and index tensors are not parameters.
/// </summary>
public sealed class BundledModelTests
{
    [Fact]
    public void Recognizer_has_nine_matmul_weights_and_the_120_by_6625_output_layer()
    {
        var model = OnnxModelLoader.Load(RepoPaths.Recognizer);
        Assert.Equal(2_690_296, model.ParameterCount);
        Assert.Equal(9, model.DefaultOpset);
        var matmuls = model.Matrices.Where(m => m.Op == "MatMul").ToList();
        Assert.Equal(9, matmuls.Count);
        Assert.Equal(38, model.Matrices.Count(m => m.Op == "Conv"));

        var head = model.Matrices.Single(m => m.Name == "linear_85.w_0");
        Assert.Equal("p2o.MatMul.24", head.Layer);
        Assert.Equal((120, 6625), (head.Rows, head.Columns));
        var frame = head.Orient(OrientationChoice.Auto);
        Assert.Equal((6625, 120, "read"), (frame.Features, frame.Hidden, frame.Label));
        double sumOfSquares = head.ReadFrame(frame.FeatureAxis).Sum(v => v * v);
        Assert.Equal(13592.622949906689, sumOfSquares, 1e-6);
    }

    [Fact]
    public void Silero_vad_exposes_the_lstm_gates_inside_its_if_branches()
    {
        var model = OnnxModelLoader.Load(RepoPaths.SileroVad);
        Assert.Equal(341, model.Tensors.Count);
        Assert.Equal(545_286, model.ParameterCount);

        // decoder.rnn.weight_ih [512, 128] reaches the LSTM through Slice/Concat/Unsqueeze: 4 gate blocks of 128 x 128.
        var gates = model.Matrices.Where(m => m.Tensor.Name == "If_0_then_branch__Inline_0__decoder.rnn.weight_ih").ToList();
        Assert.Equal(4, gates.Count);
        Assert.All(gates, g => Assert.Equal(("LSTM", 128, 128), (g.Op, g.Rows, g.Columns)));
        Assert.StartsWith("If_0.then_branch", gates[0].Tensor.GraphPath);
        // Read by two LSTMs (the branches of the inner If), each through three Slice paths: two uses, not six.
        Assert.Equal(2, gates[0].Tensor.Uses.Count);
        Assert.All(gates[0].Tensor.Uses, u => Assert.Equal(["Slice", "Concat", "Unsqueeze"], u.Via));
        var block1 = gates[1].ReadFrame(FeatureAxis.Rows);
        Assert.Equal(787.2994872497991, block1.Sum(v => v * v), 1e-8);
        Assert.Equal(-0.1349257230758667, block1[0], 1e-12); // w[128, 0]

        // The STFT basis [258, 1, 256] is a Conv kernel: 258 filters in R^256.
        var stft = model.Matrices.Single(m => m.Tensor.Name == "If_0_then_branch__Inline_0__stft.forward_basis_buffer");
        Assert.Equal(("Conv", 258, 256), (stft.Op, stft.Rows, stft.Columns));
    }

    [Fact]
    public void Wake_word_head_reads_gemm_transB_weights_as_out_by_in()
    {
        var model = OnnxModelLoader.Load(RepoPaths.WakeWordHead);
        Assert.Equal(78_053, model.ParameterCount);
        Assert.Equal(["layer1.weight", "blocks.0.fcn_layer.weight", "last_layer.weight"], model.Matrices.Select(m => m.Name));
        var layer1 = model.Matrices[0];
        Assert.Equal(("Gemm", "/layer1/Gemm", FeatureAxis.Rows), (layer1.Op, layer1.Layer, layer1.ReadAxis));
        Assert.Equal(56.818446178733744, layer1.ReadFrame(FeatureAxis.Columns).Sum(v => v * v), 1e-9);
        Assert.Contains("single unit", model.Matrices[2].Note);
        Assert.Contains("1-D", model.Tensors.Single(t => t.Name == "layer1.bias").NotAFrameReason);
    }
}
