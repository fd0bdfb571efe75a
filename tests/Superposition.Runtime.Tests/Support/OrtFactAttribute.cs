namespace Superposition.Runtime.Tests.Support;

/// <summary>
/// A fact that needs ONNX Runtime. xunit 2.9 has no dynamic skip (Assert.Skip is v3 only), so the attribute
/// sets <see cref="FactAttribute.Skip"/> at discovery when the library does not load; the skip reason names the
/// fix (scripts/fetch-onnxruntime.sh).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OrtFactAttribute : FactAttribute
{
    public OrtFactAttribute()
    {
        if (OrtTestEnvironment.LibraryMissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
