using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Onnx.Tests.Support;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Conformance;

/// <summary>
/// Across the whole test corpus (bundled models, MiniLM and its variants, the ONNX backend test models) no frame is
/// made of a unit-axis tensor, a bias, a scale, a quantization parameter, or packed bytes.
/// </summary>
public sealed class CorpusRoleTests
{
    private static readonly string[] NonWeightOps = ["Add", "Sub", "Mul", "Div", "Max", "Min", "Clip", "BatchNormalization", "LayerNormalization", "InstanceNormalization"];

    /// <summary>Why <paramref name="matrix"/> should not have been analysed, or null when it is a weight.</summary>
    internal static string? Violation(WeightMatrix matrix)
    {
        var tensor = matrix.Tensor;
        int wide = tensor.Dims.Count(d => d > 1);
        bool linear2D = tensor.Dims.Count == 2 && matrix.Op is "MatMul" or "Gemm" or "MatMulNBits" or "MatMulInteger" or "QLinearMatMul" or "Einsum";
        if (tensor.IsQuantizationParameter) return "a quantization parameter";
        if (tensor.Dims.Count < 2) return "fewer than two axes";
        if (wide <= 1 && !(linear2D && matrix.OvercompleteByConstruction)) return $"unit-axis shape {tensor.ShapeText}";
        bool weightSlot = matrix.Use is { } use && WeightRoles.IsWeightSlot(use);
        if (!weightSlot && tensor.Uses.Any(u => NonWeightOps.Contains(u.Op))) return $"read as a bias or scale by {tensor.Uses.First(u => NonWeightOps.Contains(u.Op)).Op}";
        if (matrix.Op is "MatMulNBits" or "GatherBlockQuantized" && tensor.Decoding is null) return "packed bytes analysed without decoding";
        if (tensor.DataType == OnnxDataType.UInt8 && matrix.Use is { } u8 && u8.Op is "MatMulNBits" && tensor.Dims.Count != 2) return "packed MatMulNBits bytes";
        return null;
    }

    private static List<string> Check(IEnumerable<string> files)
    {
        var violations = new List<string>();
        foreach (string file in files)
        {
            OnnxModel model;
            try
            {
                model = OnnxModelLoader.Load(file);
            }
            catch (SuperpositionException)
            {
                continue; // loading failures are the conformance test's subject
            }

            violations.AddRange(model.Matrices.Select(m => (m, Violation(m))).Where(p => p.Item2 is not null).Select(p => $"{file}: {p.m.Name}: {p.Item2}"));
        }

        return violations;
    }

    [Fact]
    public void Bundled_models_and_minilm_variants_analyse_no_unit_axis_bias_or_scale_tensor()
    {
        string[] bundled = [RepoPaths.Recognizer, RepoPaths.SileroVad, RepoPaths.WakeWordHead];
        var violations = Check([.. bundled, .. MiniLm.All]);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    [RequiresPathFact(Requirements.OnnxTestData, Requirements.OnnxTestDataInstall)]
    public void Backend_test_models_analyse_no_unit_axis_bias_or_scale_tensor()
    {
        var files = Directory.EnumerateFiles(Requirements.OnnxTestData, "model.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 1000, $"expected the full suite (1,072 models), found {files.Count}");
        var violations = Check(files);
        Assert.True(violations.Count == 0, $"{violations.Count} frames that are not weights:\n" + string.Join("\n", violations.Take(30)));
    }

    [Fact]
    public void The_check_itself_rejects_what_the_loader_used_to_analyse()
    {
        // Built by hand: a [1, 4, 1, 1] scale read by Mul would, before the roles, have been a generic frame in R^1.
        var model = OnnxModelLoader.Load(new ModelBuilder().Initializer(ModelBuilder.Float32("s", [1, 4, 1, 1], [1, 2, 3, 4]))
            .Node("SomeCustomOp", "c", ["x", "s"], ["y"]).ToBytes(), "c.onnx");
        Assert.Empty(model.Matrices);
        var wide = OnnxModelLoader.Load(new ModelBuilder().Initializer(ModelBuilder.Float32("w", [2, 3], [1, 2, 3, 4, 5, 6]))
            .Node("SomeCustomOp", "c", ["x", "w"], ["y"]).Node("Add", "a", ["w", "x"], ["z"]).ToBytes(), "c.onnx");
        // Read by an unknown op and by Add: the Add says it is a bias or signal, so it is not a frame.
        Assert.Empty(wide.Matrices);
    }
}
