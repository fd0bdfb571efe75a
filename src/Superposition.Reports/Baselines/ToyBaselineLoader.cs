using System.Text.Json;
using Superposition.Onnx;
using Superposition.Spectral.Analysis;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Models;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Reads a baselines folder: every toy model exported as ONNX (with its JSON description beside it) is loaded
/// and analysed by the same loader and spectral code as a real model, so the comparison is like for like.
/// </summary>
public static class ToyBaselineLoader
{
    /// <summary>
    /// Loads and analyses every toy in <paramref name="folder"/>. The comparison signature uses <paramref name="analysis"/>
    /// (the same tolerances as the real layers it is compared with); the regime label uses <see cref="ToyRegime.RegimeOptions"/>
    /// on the represented features.
    /// </summary>
    public static IReadOnlyList<ToyBaseline> Load(string folder, ILinearAlgebraBackend backend, AnalysisOptions analysis, IProgress<LayerProgress>? progress = null)
    {
        if (!Directory.Exists(folder)) throw Fail.InvalidArgument("--baselines", folder, "an existing folder of toy models (create one with 'superposition toy sweep --out DIR')");
        var files = Directory.EnumerateFiles(folder, "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var options = ModelAnalysisOptions.Default with { Analysis = analysis with { PerFeature = true }, MaxParallelism = 1 };
        var baselines = new List<ToyBaseline>(files.Count);
        for (int k = 0; k < files.Count; k++)
        {
            var model = OnnxModelLoader.Load(files[k]);
            // A toy exports its frame W twice (encoder Wᵀ and decoder W); both read as the same n features in R^m.
            var matrix = model.Matrices.OrderByDescending(m => m.ParameterCount).FirstOrDefault()
                ?? throw Fail.InvalidModel(files[k], "holds no weight matrix; expected a toy model exported by 'superposition toy'");
            var layer = ModelAnalyzer.AnalyzeLayer(matrix, options, backend);
            string name = Path.GetRelativePath(folder, files[k]);
            name = name[..^".onnx".Length];
            string regime = ToyRegime.Describe(matrix, analysis, backend);
            baselines.Add(new ToyBaseline(name, regime, Setup(Path.ChangeExtension(files[k], ".json")),
                layer.Features, layer.Hidden, LayerSignature.From(layer), layer.Analysis.PerFeature!.Dimensionality));
            progress?.Report(new LayerProgress(k + 1, files.Count, name));
        }

        return baselines;
    }

    /// <summary>A one-line description from the toy's JSON sidecar: its scalar top-level fields.</summary>
    private static string Setup(string jsonPath)
    {
        if (!File.Exists(jsonPath)) return "";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
            var parts = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number && parts.Count < 6)
                {
                    parts.Add($"{property.Name} {property.Value}");
                }
            }

            return string.Join(", ", parts);
        }
        catch (JsonException e)
        {
            throw Fail.InvalidModel(jsonPath, "toy description is not valid JSON: " + e.Message, e);
        }
    }
}
