using System.Text;

namespace Superposition.Reports;

/// <summary>
/// Writes files so that a reader never sees a partial one: the content goes to a temporary file in the
/// destination folder (same file system, so the final move is a rename), is flushed to disk, then moved
/// over the destination. On failure the temporary file is deleted and the destination is left as it was.
/// A process killed mid-write (SIGKILL, out of memory) leaves its temporary file behind; the writer holds an
/// exclusive lock on it while it lives, so the next write to the same destination deletes every such file whose
/// lock it can take (its writer is gone) and leaves the ones still being written. Concurrent writers of one
/// destination each rename a whole file: the last rename wins.
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

        RemoveAbandonedTemporaries(full);
        try
        {
            // FileShare.None takes an exclusive advisory lock on Unix: it marks the file as alive while we write.
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

    /// <summary>The pattern of the temporary files that writes of <paramref name="full"/> create.</summary>
    internal static string TemporaryPattern(string full) => "." + Path.GetFileName(full) + ".*.tmp";

    /// <summary>Deletes temporary files of this destination left by writers that no longer run.</summary>
    private static void RemoveAbandonedTemporaries(string full)
    {
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory)) return;
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, TemporaryPattern(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string candidate in candidates)
        {
            if (!Abandoned(candidate)) continue;
            try
            {
                // Taking the lock succeeds only when no live writer holds it.
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }

                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still being written by another run (or not ours to remove): leave it.
            }
        }
    }

    /// <summary>
    /// Whether a temporary file's writer is gone: its process (named in the file name) no longer runs, or it is an
    /// old file of a process id that has since been reused. A young file of a running process is someone's write
    /// in progress, even in the instant before its lock is taken; this process's own files are never touched.
    /// </summary>
    private static bool Abandoned(string temporary)
    {
        string[] parts = Path.GetFileName(temporary).Split('.');
        if (parts.Length < 4 || !int.TryParse(parts[^3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId) return false;
        if (!ProcessRuns(pid)) return true;
        return DateTime.UtcNow - File.GetLastWriteTimeUtc(temporary) > ReusedPidAge;
    }

    private static readonly TimeSpan ReusedPidAge = TimeSpan.FromMinutes(10);

    private static bool ProcessRuns(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
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
