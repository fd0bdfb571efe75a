using System.Text;

namespace Superposition.Training.Export;

/// <summary>File writing with the tool's error model: any IO failure becomes <c>Fail.OutputFailed</c>.</summary>
internal static class ToyFiles
{
    public static void EnsureDirectory(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Fail.OutputFailed(dir, e.Message, e);
        }
    }

    public static void WriteBytes(string path, byte[] bytes)
    {
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Fail.OutputFailed(path, e.Message, e);
        }
    }

    /// <summary>Writes text as UTF-8 without BOM and with LF line ends.</summary>
    public static void WriteText(string path, string text) => WriteBytes(path, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
}
