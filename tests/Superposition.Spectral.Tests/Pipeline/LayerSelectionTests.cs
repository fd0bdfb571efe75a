using Superposition.Spectral.Pipeline;

namespace Superposition.Spectral.Tests.Pipeline;

/// <summary>The glob semantics the CLI documents (* any run, ? one character, case-insensitive, the rest literal).</summary>
public sealed class LayerSelectionTests
{
    [Theory]
    [InlineData("linear_*", "linear_85.w_0", true)]
    [InlineData("LINEAR_*", "linear_85.w_0", true)]
    [InlineData("linear_8?.w_0", "linear_85.w_0", true)]
    [InlineData("linear_8?.w_0", "linear_850.w_0", false)]
    [InlineData("*.w_0", "conv2d_166.w_0", true)]
    [InlineData("w1?", "w1", false)]
    [InlineData("W[direction 0, gate *]", "W[direction 0, gate i]", true)] // brackets and commas are literal
    [InlineData("a.b", "axb", false)] // '.' is literal, not a regex wildcard
    [InlineData("a+", "aa", false)]
    [InlineData("  mm3 ", "mm3", true)] // surrounding spaces are trimmed
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    public void Patterns_match_as_documented(string pattern, string name, bool expected) =>
        Assert.Equal(expected, LayerSelection.IsMatch(pattern, name));
}
