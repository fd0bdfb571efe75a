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
