using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Caveats a reader needs before interpreting a layer's numbers: frames overcomplete by construction (from the
/// loader) and fixed, non-learned transforms stored as weights, which DESIGN.md notes give absurd power-law α.
/// </summary>
internal static class LayerNotes
{
    private static readonly string[] FixedTransformWords = ["stft", "fourier", "dft", "mel", "fbank", "filterbank", "filter_bank", "window", "basis"];

    /// <summary>α above this is what fixed transforms show (14–19 on STFT bases); trained weights stay well below.</summary>
    public const double FixedTransformAlpha = 10;

    public static IReadOnlyList<string> For(WeightMatrix matrix, FrameAnalysis analysis)
    {
        var notes = new List<string>();
        if (matrix.Note is { } note) notes.Add(note);
        if (IsFixedTransform(matrix))
        {
            notes.Add("the name suggests a fixed, non-learned transform (STFT, DFT or filter-bank basis): its spectrum says nothing about training quality");
        }
        else if (analysis.HeavyTail.PowerLaw.Alpha > FixedTransformAlpha)
        {
            notes.Add($"α = {analysis.HeavyTail.PowerLaw.Alpha:0.#} is far above trained weights' range and typical of fixed transforms (STFT or filter banks stored as weights)");
        }

        return notes;
    }

    public static bool IsFixedTransform(WeightMatrix matrix)
    {
        string name = matrix.Tensor.Name.ToLowerInvariant();
        return FixedTransformWords.Any(w => name.Contains(w, StringComparison.Ordinal));
    }
}
