namespace Superposition.Cli;

/// <summary>
/// The process exit codes: the one place that gives each <see cref="ErrorKind"/> its number (README lists them),
/// plus success, a partial result and cancellation.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Parse errors of the command line (unknown option, missing argument) share InvalidArgument's code.</summary>
    public const int Usage = 2;

    /// <summary>The run finished and wrote its outputs, but one or more layers failed (each listed with its reason).</summary>
    public const int Partial = 11;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The code for a failure of <paramref name="kind"/>.</summary>
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => Usage,
        ErrorKind.InvalidModel => 3,
        ErrorKind.MissingExternalData => 4,
        ErrorKind.UnsupportedDataType => 5,
        ErrorKind.LayerTooLarge => 6,
        ErrorKind.OutputFailed => 7,
        ErrorKind.NativeLibraryMissing => 8,
        ErrorKind.RuntimeFailed => 9,
        ErrorKind.NumericalFailure => 10,
        _ => 70,
    };
}
