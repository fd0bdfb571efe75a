namespace Superposition;

/// <summary>
/// A domain failure with a message meant for a person: it names the file, tensor or value at fault and
/// what was expected. The CLI prints <see cref="Exception.Message"/> on one line and exits with
/// <see cref="Kind"/>'s code; no stack trace reaches the user.
/// </summary>
public sealed class SuperpositionException : Exception
{
    public SuperpositionException(ErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The failure family; its value is the CLI exit code.</summary>
    public ErrorKind Kind { get; }
}
