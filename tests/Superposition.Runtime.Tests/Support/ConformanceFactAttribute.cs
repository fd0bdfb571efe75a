namespace Superposition.Runtime.Tests.Support;

/// <summary>A fact that needs the ONNX backend test data; skipped with the fix when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (OrtTestEnvironment.TestDataMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
