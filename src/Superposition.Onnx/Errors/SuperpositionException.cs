namespace Superposition;

/// <summary>
/// A domain failure with a message meant for a person: it names the file, tensor or value at fault and
/// what was expected. The CLI prints <see cref="Exception.Message"/> on one line (naming its own option for
/// <see cref="Subject"/>) and exits with the code it gives <see cref="Kind"/>; no stack trace reaches the user.
/// </summary>
public sealed class SuperpositionException : Exception
{
    public SuperpositionException(ErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The failure family; the CLI maps it to an exit code.</summary>
    public ErrorKind Kind { get; }

    /// <summary>
    /// For <see cref="ErrorKind.InvalidArgument"/>: the parameter at fault in the library's words (e.g. "layer
    /// patterns"), which a front end may map to its own option name; null otherwise.
    /// </summary>
    public string? Subject { get; init; }
}
