namespace Superposition.Cli.Output;

/// <summary>
/// How a library error reads on the command line: the libraries name a parameter in their own words
/// (<see cref="SuperpositionException.Subject"/>) and know no flags, so the CLI names its option, and adds the
/// hint that only a command line can give.
/// </summary>
internal static class ErrorText
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["layer patterns"] = "--layers",
        ["probe inputs"] = "--inputs",
        ["probe samples"] = "--samples",
        ["probe tensor patterns"] = "--tensors",
    };

    public static string For(SuperpositionException error)
    {
        var text = error.Subject is { } subject && Flags.TryGetValue(subject, out var flag) ? $"{flag}: {error.Message}" : error.Message;
        return error.Kind == ErrorKind.LayerTooLarge ? text + " Raise the budget with --memory-budget." : text;
    }

    /// <summary>The CLI wording of a failed layer's reason (the same hint as for a whole-run error).</summary>
    public static string ForLayer(Spectral.Pipeline.FailedLayer failed) =>
        failed.Kind == ErrorKind.LayerTooLarge ? failed.Reason + " Raise the budget with --memory-budget." : failed.Reason;
}
