using System.Text.RegularExpressions;

namespace Superposition.Spectral.Models;

/// <summary>Shell-style patterns (<c>*</c> any run, <c>?</c> one character), case-insensitive, as the CLI's selection options take them.</summary>
public static class Glob
{
    public static Regex ToRegex(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
