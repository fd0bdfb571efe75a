namespace Superposition.Runtime.Tests.Support;

/// <summary>A fact that needs ONNX Runtime and the ONNX backend test data; skipped with the fix when either is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        var reason = OrtTestEnvironment.LibraryMissingReason ?? OrtTestEnvironment.TestDataMissingReason;
        if (reason is not null)
        {
            Skip = reason;
        }
    }
}
