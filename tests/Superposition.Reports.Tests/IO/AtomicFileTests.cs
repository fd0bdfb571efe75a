namespace Superposition.Reports.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private static int _counter;
    private readonly string _directory;

    public AtomicFileTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), "superposition-atomic-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _counter));
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Writes_the_content_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_directory, "out.json");
        AtomicFile.WriteAllText(path, "{\"λ\": 1}");
        Assert.Equal("{\"λ\": 1}", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Replaces_an_existing_file()
    {
        var path = Path.Combine(_directory, "out.csv");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Failing_writer_leaves_no_file_and_reports_output_failed()
    {
        var path = Path.Combine(_directory, "out.pdf");
        var ex = Assert.Throws<SuperpositionException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new InvalidOperationException("renderer broke");
        }));
        Assert.Equal(ErrorKind.OutputFailed, ex.Kind);
        Assert.Contains("renderer broke", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Failing_writer_keeps_the_previous_file()
    {
        var path = Path.Combine(_directory, "out.pdf");
        File.WriteAllText(path, "previous");
        Assert.Throws<SuperpositionException>(() => AtomicFile.Write(path, _ => throw new IOException("disk full")));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Path_under_a_regular_file_fails_without_writing()
    {
        // Tests may run as root, where permissions do not stop writes; a file used as a folder always fails.
        var file = Path.Combine(_directory, "file.txt");
        File.WriteAllText(file, "x");
        var ex = Assert.Throws<SuperpositionException>(() => AtomicFile.WriteAllText(Path.Combine(file, "out.pdf"), "data"));
        Assert.Equal(ErrorKind.OutputFailed, ex.Kind);
        Assert.Contains("out.pdf", ex.Message, StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFileSystemEntries(_directory));
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Missing_folder_fails_with_output_failed()
    {
        var ex = Assert.Throws<SuperpositionException>(() => AtomicFile.WriteAllText(Path.Combine(_directory, "no", "such", "out.csv"), "data"));
        Assert.Equal(ErrorKind.OutputFailed, ex.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Domain_errors_from_the_writer_keep_their_kind()
    {
        var path = Path.Combine(_directory, "out.pdf");
        var ex = Assert.Throws<SuperpositionException>(() => AtomicFile.Write(path, _ => throw Fail.InvalidArgument("chart size", 1, "larger")));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }
}

/// <summary>What a killed or concurrent writer leaves behind, and what the next write does with it.</summary>
public sealed class AtomicFileRecoveryTests
{
    [Fact]
    public void Temporary_file_of_a_writer_that_died_is_removed_by_the_next_write()
    {
        string folder = Directory.CreateTempSubdirectory("superposition-atomic-").FullName;
        string path = Path.Combine(folder, "report.pdf");
        // A process id above the kernel's pid_max (4194304 at most) never runs.
        string abandoned = Path.Combine(folder, ".report.pdf.99999999.1.tmp");
        File.WriteAllText(abandoned, "half a PDF");
        AtomicFile.WriteAllText(path, "whole");
        Assert.Equal([path], Directory.GetFiles(folder));
        Assert.Equal("whole", File.ReadAllText(path));
    }

    [Fact]
    public void Temporary_file_still_locked_by_a_live_writer_is_left_alone()
    {
        string folder = Directory.CreateTempSubdirectory("superposition-atomic-").FullName;
        string path = Path.Combine(folder, "report.pdf");
        // Held by a live writer of another process id (one that does not run: only the lock says it is alive).
        string live = Path.Combine(folder, ".report.pdf.99999998.1.tmp");
        using (var writer = new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            AtomicFile.WriteAllText(path, "whole");
            Assert.True(File.Exists(live), "a temporary file another writer holds was deleted");
        }

        Assert.Equal("whole", File.ReadAllText(path));
    }

    [Fact]
    public void Temporary_files_of_other_destinations_are_not_touched()
    {
        string folder = Directory.CreateTempSubdirectory("superposition-atomic-").FullName;
        string other = Path.Combine(folder, ".other.json.7.1.tmp");
        File.WriteAllText(other, "not ours");
        AtomicFile.WriteAllText(Path.Combine(folder, "report.json"), "{}");
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void Concurrent_writers_of_one_destination_end_with_one_whole_file()
    {
        string folder = Directory.CreateTempSubdirectory("superposition-atomic-").FullName;
        string path = Path.Combine(folder, "out.txt");
        var contents = Enumerable.Range(0, 8).Select(k => new string((char)('a' + k), 200_000 + k)).ToArray();
        for (int round = 0; round < 5; round++)
        {
            Parallel.For(0, contents.Length, k => AtomicFile.WriteAllText(path, contents[k]));
            Assert.Contains(File.ReadAllText(path), contents);
            Assert.Equal([path], Directory.GetFiles(folder));
        }
    }
}

/// <summary>A young temporary file of another process that still runs is that process's write in progress.</summary>
public sealed class AtomicFileLiveProcessTests
{
    [Fact]
    public void Young_temporary_file_of_a_running_process_is_left_alone()
    {
        using var other = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            string folder = Directory.CreateTempSubdirectory("superposition-atomic-").FullName;
            string path = Path.Combine(folder, "report.pdf");
            string inProgress = Path.Combine(folder, $".report.pdf.{other.Id}.1.tmp");
            File.WriteAllText(inProgress, "being written");
            AtomicFile.WriteAllText(path, "whole");
            Assert.True(File.Exists(inProgress));
        }
        finally
        {
            other.Kill();
        }
    }
}
