using System.Text.RegularExpressions;
using Superposition.Onnx.Orientation;

namespace Superposition.Spectral.Models;

/// <summary>Matches <c>--layers</c> glob patterns against a weight's name and its layer's name.</summary>
internal sealed class LayerSelection
{
    private readonly Regex[] _patterns;

    public LayerSelection(IReadOnlyList<string> globs)
    {
        _patterns = globs.Where(g => !string.IsNullOrWhiteSpace(g)).Select(Glob.ToRegex).ToArray();
    }

    public bool SelectsAll => _patterns.Length == 0;

    public bool Matches(WeightMatrix matrix) =>
        SelectsAll || _patterns.Any(p => p.IsMatch(matrix.Name) || p.IsMatch(matrix.Tensor.Name) || p.IsMatch(matrix.Layer));
}
