namespace Superposition.Cli;

/// <summary>Exit codes besides the <see cref="ErrorKind"/> values: success and "usage error".</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Parse errors of the command line (unknown option, missing argument) share InvalidArgument's code.</summary>
    public const int Usage = (int)ErrorKind.InvalidArgument;
}
