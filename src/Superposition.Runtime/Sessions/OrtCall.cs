using Microsoft.ML.OnnxRuntime;

namespace Superposition.Runtime;

/// <summary>Turns what the ONNX Runtime package throws into the tool's error kinds, naming where it happened.</summary>
internal static class OrtCall
{
    internal const string LibraryDisplayName = "ONNX Runtime (native library of the Microsoft.ML.OnnxRuntime package)";

    internal static T Guard<T>(string where, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (OnnxRuntimeException e)
        {
            throw Fail.RuntimeFailed(where, "ONNX Runtime error " + e.Message);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException
            || (e is TypeInitializationException { InnerException: DllNotFoundException or EntryPointNotFoundException or BadImageFormatException }))
        {
            // The package ships linux, windows and macOS builds (x64, arm64); other platforms have none.
            throw Fail.NativeLibraryMissing(LibraryDisplayName,
                $"It did not load on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} ({(e.InnerException ?? e).Message}).");
        }
    }
}
