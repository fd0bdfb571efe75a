using Superposition.Runtime.Native;

namespace Superposition.Runtime.Tests.Native;

public sealed class OrtLibraryLocatorTests
{
    [Fact]
    public void Environment_path_to_a_missing_file_throws_NativeLibraryMissing_naming_the_fix()
    {
        var e = Assert.Throws<SuperpositionException>(() => OrtLibraryLocator.Load("/nonexistent/libonnxruntime.so.1"));

        Assert.Equal(ErrorKind.NativeLibraryMissing, e.Kind);
        Assert.Contains("SUPERPOSITION_ORT_PATH", e.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-onnxruntime.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_path_to_a_file_that_is_not_a_library_throws_NativeLibraryMissing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"superposition-fake-ort-{Environment.ProcessId}.so");
        File.WriteAllText(file, "not an ELF file");
        try
        {
            var e = Assert.Throws<SuperpositionException>(() => OrtLibraryLocator.Load(file));

            Assert.Equal(ErrorKind.NativeLibraryMissing, e.Kind);
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Cache_candidates_walk_up_from_the_assembly_folder()
    {
        var candidates = OrtLibraryLocator.CacheCandidates().ToList();

        var expected = Path.Combine(Path.GetPathRoot(AppContext.BaseDirectory)!, ".cache", "onnxruntime", "libonnxruntime.so.1");
        Assert.Contains(expected, candidates);
        Assert.Equal(
            Path.Combine(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), ".cache", "onnxruntime", "libonnxruntime.so.1"),
            candidates[0]);
    }
}
