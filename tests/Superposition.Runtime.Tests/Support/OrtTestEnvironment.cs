using Superposition.Runtime.Native;

namespace Superposition.Runtime.Tests.Support;

/// <summary>What the tests depend on outside the repository, and the fix when it is absent.</summary>
internal static class OrtTestEnvironment
{
    internal const string TestDataRoot = "/usr/share/libonnx-testdata/data";

    private static readonly Lazy<string?> LibraryProblem = new(() =>
    {
        try
        {
            _ = OrtApi.Instance;
            return null;
        }
        catch (SuperpositionException e)
        {
            return "ONNX Runtime is not available: " + e.Message;
        }
    });

    /// <summary>Null when libonnxruntime.so.1 loads; otherwise why not, naming the fix.</summary>
    internal static string? LibraryMissingReason => LibraryProblem.Value;

    /// <summary>Null when the ONNX backend test data is installed; otherwise the fix.</summary>
    internal static string? TestDataMissingReason =>
        Directory.Exists(TestDataRoot)
            ? null
            : $"ONNX backend test data not found at {TestDataRoot}: apt-get install libonnx-testdata.";
}
