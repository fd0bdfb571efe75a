using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Conformance;

/// <summary>Every model of the ONNX backend test suite (Debian's libonnx-testdata) loads.</summary>
public sealed class OnnxTestDataTests
{
    [RequiresPathFact(Requirements.OnnxTestData, Requirements.OnnxTestDataInstall)]
    public void Every_backend_test_model_parses_and_its_tensors_decode()
    {
        var files = Directory.EnumerateFiles(Requirements.OnnxTestData, "model.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 1000, $"expected the full suite (1,072 models), found {files.Count}");
        var failures = new List<string>();
        long decoded = 0;
        foreach (string file in files)
        {
            try
            {
                var model = OnnxModelLoader.Load(file);
                foreach (var tensor in model.Tensors.Where(t => t.DataType.IsDecodable() && t.ElementCount < 1_000_000))
                {
                    decoded += tensor.ReadAll().Length;
                }

                foreach (var matrix in model.Matrices) _ = matrix.Orient(OrientationChoice.Auto);
            }
            catch (SuperpositionException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} models failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(decoded > 0);
    }
}
