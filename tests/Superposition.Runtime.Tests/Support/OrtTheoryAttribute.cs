namespace Superposition.Runtime.Tests.Support;

/// <summary>A theory that needs ONNX Runtime; skipped at discovery with the fix when the library does not load.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OrtTheoryAttribute : TheoryAttribute
{
    public OrtTheoryAttribute()
    {
        if (OrtTestEnvironment.LibraryMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
