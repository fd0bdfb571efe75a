using System.Runtime.InteropServices;

namespace Superposition.Runtime.Native;

/// <summary>
/// Finds and loads <c>libonnxruntime.so.1</c>. Search order: the <c>SUPERPOSITION_ORT_PATH</c> environment
/// variable (a file, or a folder holding the file), then <c>.cache/onnxruntime/</c> found by walking up from the
/// assembly's folder and from the current directory (where <c>scripts/fetch-onnxruntime.sh</c> puts it), then
/// the system loader.
/// </summary>
internal static class OrtLibraryLocator
{
    internal const string EnvironmentVariable = "SUPERPOSITION_ORT_PATH";
    internal const string LibraryFileName = "libonnxruntime.so.1";
    internal const string LibraryDisplayName = "ONNX Runtime (libonnxruntime.so.1)";

    internal const string HowToGet =
        "Run scripts/fetch-onnxruntime.sh (it fetches the official linux-x64 build from the npm package " +
        "onnxruntime-node@1.30.0 into .cache/onnxruntime/), or set " + EnvironmentVariable +
        " to the library file.";

    private static readonly string[] SystemNames = [LibraryFileName, "libonnxruntime.so", "onnxruntime"];

    /// <summary>Loads the library; returns its handle and where it came from, or throws NativeLibraryMissing.</summary>
    internal static (nint Handle, string Source) Load() => Load(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>As <see cref="Load()"/>, with the environment variable's value passed in (tests use this).</summary>
    internal static (nint Handle, string Source) Load(string? fromEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var file = Directory.Exists(fromEnvironment) ? Path.Combine(fromEnvironment, LibraryFileName) : fromEnvironment;
            if (!File.Exists(file))
            {
                throw Fail.NativeLibraryMissing(LibraryDisplayName,
                    $"{EnvironmentVariable} points to '{fromEnvironment}', which holds no {LibraryFileName}. {HowToGet}");
            }

            return (LoadFile(file), file);
        }

        foreach (var candidate in CacheCandidates())
        {
            if (File.Exists(candidate))
            {
                return (LoadFile(candidate), candidate);
            }
        }

        foreach (var name in SystemNames)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return (handle, name + " (system loader)");
            }
        }

        throw Fail.NativeLibraryMissing(LibraryDisplayName, HowToGet);
    }

    /// <summary>Every <c>.cache/onnxruntime/libonnxruntime.so.1</c> above the assembly folder and the current directory.</summary>
    internal static IEnumerable<string> CacheCandidates()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".cache", "onnxruntime", LibraryFileName);
                if (seen.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static nint LoadFile(string file)
    {
        try
        {
            return NativeLibrary.Load(Path.GetFullPath(file));
        }
        catch (DllNotFoundException e)
        {
            // The file exists but the loader refused it (wrong architecture, missing libstdc++, truncated file).
            throw Fail.NativeLibraryMissing(LibraryDisplayName, $"'{file}' exists but does not load ({e.Message}). {HowToGet}");
        }
        catch (BadImageFormatException e)
        {
            throw Fail.NativeLibraryMissing(LibraryDisplayName, $"'{file}' is not a loadable library ({e.Message}). {HowToGet}");
        }
    }
}
