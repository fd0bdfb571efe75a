using Superposition.Reports.Diff;
using Superposition.Spectral.Pipeline;
using static Superposition.Reports.Tests.Diff.DiffFrames;

namespace Superposition.Reports.Tests.Diff;

/// <summary>
/// Pairing a float model with its quantized copy, whose quantizer renamed the weights ("927" → "927_quantized" or
/// "927_Q4") and listed them in another order: the suffix-free name and the consuming node pair them, not the order.
/// </summary>
public sealed class LayerPairingTests
{
    [Theory]
    [InlineData("927", "927")]
    [InlineData("927_quantized", "927")]
    [InlineData("onnx::MatMul_12_Q4", "onnx::MatMul_12")]
    [InlineData("MatMul_632_Q8", "MatMul_632")]
    [InlineData("_Q4", "_Q4")]
    [InlineData("weight_q4", "weight_q4")]
    public void A_quantizer_suffix_is_removed_and_nothing_else(string name, string expected) => Assert.Equal(expected, LayerPairing.BaseName(name));

    [Fact]
    public void Renamed_quantized_weights_in_another_order_pair_by_suffix_free_name_then_by_consuming_node()
    {
        var w = Gaussian(4, 6, new Random(9));
        LayerAnalysis L(string name, string node) => Layer(name, 4, 6, w) with { Layer = node };
        var a = new[] { L("927", "MatMul_34"), L("1002", "MatMul_608"), L("proj", "MatMul_700"), L("old", "MatMul_1") };
        var b = new[] { L("new", "MatMul_2"), L("renamed", "MatMul_700_Q4"), L("1002_quantized", "MatMul_608"), L("927_Q4", "MatMul_34_Q4") };
        var (pairs, onlyA, onlyB) = LayerPairing.Pair(a, b);
        Assert.Equal(
            [("927", "927_Q4", "name without quantizer suffix"), ("1002", "1002_quantized", "name without quantizer suffix"), ("proj", "renamed", "consuming node"), ("old", "new", "role and shape")],
            pairs.Select(p => (p.A.Name, p.B.Name, p.By)));
        Assert.Empty(onlyA);
        Assert.Empty(onlyB);
    }
}
