using System.Text;

namespace Superposition.Reports;

/// <summary>
/// Writes files so that a reader never sees a partial one: the content goes to a temporary file in the
/// destination folder (same file system, so the final move is a rename), is flushed to disk, then moved
/// over the destination. On failure the temporary file is deleted and the destination is left as it was.
/// </summary>
public static class AtomicFile
{
    private static int _counter;

    /// <summary>
    /// Creates or replaces <paramref name="path"/> with what <paramref name="write"/> puts into the stream.
    /// </summary>
    /// <exception cref="SuperpositionException">
    /// <see cref="ErrorKind.OutputFailed"/> when the file cannot be written (missing or unwritable folder,
    /// a path through a regular file, disk full, or the writer failing). A <see cref="SuperpositionException"/>
    /// thrown by the writer itself passes through unchanged, keeping its kind.
    /// </exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Fail.OutputFailed("(empty path)", "no output path given");
        }

        string full;
        string temp;
        try
        {
            full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? throw new IOException("the path has no parent folder");
            var unique = Environment.ProcessId + "." + Interlocked.Increment(ref _counter);
            temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + unique + ".tmp");
        }
        catch (Exception ex) when (ex is not SuperpositionException)
        {
            throw Fail.OutputFailed(path, ex.Message, ex);
        }

        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex)
        {
            TryDelete(temp);
            if (ex is SuperpositionException)
            {
                throw;
            }

            throw Fail.OutputFailed(path, ex.Message, ex);
        }
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        });

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Nothing more to do: the original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
