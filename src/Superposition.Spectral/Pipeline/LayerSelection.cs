using System.IO.Enumeration;
using Superposition.Onnx.Orientation;

namespace Superposition.Spectral.Pipeline;

/// <summary>
/// Matches layer patterns against a weight's name, its tensor's and its layer's name: shell-style <c>*</c> (any run)
/// and <c>?</c> (one character), case-insensitive, every other character literal, by the BCL's
/// <see cref="FileSystemName.MatchesSimpleExpression"/>.
/// </summary>
public sealed class LayerSelection
{
    private readonly string[] _patterns;

    public LayerSelection(IReadOnlyList<string> globs)
    {
        _patterns = globs.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToArray();
    }

    public bool SelectsAll => _patterns.Length == 0;

    public bool Matches(WeightMatrix matrix) =>
        SelectsAll || _patterns.Any(p => IsMatch(p, matrix.Name) || IsMatch(p, matrix.Tensor.Name) || IsMatch(p, matrix.Layer));

    /// <summary>The one glob match of the tool (layer and probe tensor patterns).</summary>
    public static bool IsMatch(string pattern, string name)
    {
        var trimmed = pattern.Trim();
        // The BCL never matches an empty name; a pattern of stars matches any run, the empty one included.
        return name.Length == 0 ? trimmed.All(c => c == '*') : FileSystemName.MatchesSimpleExpression(trimmed, name, ignoreCase: true);
    }
}
