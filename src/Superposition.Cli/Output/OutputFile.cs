namespace Superposition.Cli.Output;

/// <summary>Writes an output file so that a failed run never leaves a partial one.</summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write) => Superposition.Reports.IO.AtomicFile.Write(path, write);
}
