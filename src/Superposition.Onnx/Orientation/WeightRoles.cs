using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// Which stored tensors are weights. Only a tensor consumed in a weight slot (the matrix operand of MatMul/Gemm, a
/// kernel, a recurrent weight, a lookup table) is a frame; biases, scales, positional signals added to activations,
/// normalization parameters, recurrent biases and states, and tensors with at most one non-unit axis are not, and
/// each gets the reason (they would otherwise be frames in R^1, "100 % localized").
/// </summary>
internal static class WeightRoles
{
    /// <summary>True when <paramref name="use"/> reads the tensor as a weight matrix.</summary>
    public static bool IsWeightSlot(TensorUse use) => (use.Op, use.InputIndex) switch
    {
        ("MatMul", 0 or 1) or ("Gemm", 0 or 1) or ("Einsum", _) or ("Gather", 0) => true,
        ("Conv" or "ConvTranspose" or "ConvInteger" or "MatMulInteger" or "MatMulNBits", 1) => true,
        ("GatherBlockQuantized", 0) => true,
        ("QLinearMatMul" or "QLinearConv", 3) => true,
        ("LSTM" or "GRU" or "RNN", 1 or 2) => true,
        _ => false,
    };

    /// <summary>The use whose semantics fix the frame: a lookup table first (a tied head is its second use), then any weight slot.</summary>
    public static TensorUse? Primary(WeightTensor tensor) =>
        tensor.Uses.FirstOrDefault(u => u.Op is "Gather" or "GatherBlockQuantized" && u.InputIndex == 0)
        ?? tensor.Uses.FirstOrDefault(IsWeightSlot);

    /// <summary>
    /// True for a weight-slot tensor with at most one axis longer than 1 that is not a 2-D linear weight: a
    /// [C, 1, 1, 1] kernel or a [1, C, 1, 1] table is a vector. A 2-D [1, n] MatMul/Gemm weight stays a frame (one
    /// output unit, overcomplete by construction and flagged so, MATH.md section 0).
    /// </summary>
    public static bool IsUnitAxisNonMatrix(WeightTensor tensor, TensorUse use) =>
        tensor.Dims.Count(d => d > 1) <= 1
        && !(tensor.Dims.Count == 2 && use.Op is "MatMul" or "Gemm" or "MatMulNBits" or "MatMulInteger" or "QLinearMatMul" or "Einsum");

    /// <summary>Why a tensor read by no weight slot is not a frame, or null when its role is unknown (then a generic frame is built).</summary>
    public static string? NotAWeight(WeightTensor tensor)
    {
        foreach (var use in tensor.Uses)
        {
            string? role = Role(use);
            if (role is not null) return $"{role}: read by {use.Op} '{use.Layer}' (input {use.InputIndex}), not as a weight";
        }

        int wide = tensor.Dims.Count(d => d > 1);
        if (wide <= 1) return $"unit-axis tensor {tensor.ShapeText}: at most one axis longer than 1, a vector, not a matrix";
        return null;
    }

    /// <summary>The role of a non-weight input, or null when the op is not one we know.</summary>
    private static string? Role(TensorUse use) => (use.Op, use.InputIndex) switch
    {
        ("Add" or "Sub", _) => "added to activations (bias or positional signal)",
        ("Mul" or "Div", _) => "multiplies activations elementwise (scale)",
        ("Max" or "Min" or "Clip" or "Pow" or "Where" or "Greater" or "Less" or "Equal" or "Mod" or "PRelu", _) => "elementwise operand",
        ("Gemm", 2) or ("Conv" or "ConvTranspose", 2) or ("MatMulNBits", 5) => "bias",
        ("LSTM" or "GRU" or "RNN", >= 3) => "recurrent bias, sequence length, initial state or peephole",
        ("BatchNormalization" or "InstanceNormalization" or "LayerNormalization" or "SimplifiedLayerNormalization" or "SkipLayerNormalization"
            or "GroupNormalization" or "RMSNormalization", >= 1) => "normalization scale, bias or statistic",
        ("Reshape" or "Expand" or "Tile" or "Slice" or "Pad" or "Resize" or "ConstantOfShape" or "Range" or "TopK" or "Split", >= 1) => "shape, index or size operand",
        ("DequantizeLinear" or "QuantizeLinear" or "QLinearMatMul" or "QLinearConv" or "MatMulInteger" or "ConvInteger" or "DynamicQuantizeLinear", _) => "quantization operand",
        _ => null,
    };
}
