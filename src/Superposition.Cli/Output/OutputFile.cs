using System.Text;

namespace Superposition.Cli.Output;

/// <summary>Writes an output file so that a failed run never leaves a partial one.</summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write) => Superposition.Reports.AtomicFile.Write(path, write);

    public static void WriteText(string path, string text) => Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
}
