namespace Superposition.Runtime.Tests.Support;

/// <summary>What the tests depend on outside the repository, and the fix when it is absent.</summary>
internal static class OrtTestEnvironment
{
    internal const string TestDataRoot = "/usr/share/libonnx-testdata/data";

    /// <summary>Null when the ONNX backend test data is installed; otherwise the fix.</summary>
    internal static string? TestDataMissingReason =>
        Directory.Exists(TestDataRoot)
            ? null
            : $"ONNX backend test data not found at {TestDataRoot}: apt-get install libonnx-testdata (scripts/install-deps.sh --for-tests).";
}
