using System.Runtime.InteropServices;

namespace Superposition.Runtime.Native;

/// <summary>
/// Owns one ORT object and releases it exactly once (on Dispose, or by the finalizer if a caller forgot).
/// A process-wide count of live handles lets tests prove that nothing leaks.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private static long _live;

    internal OrtHandle(OrtHandleKind kind, nint pointer)
        : base(0, ownsHandle: true)
    {
        Kind = kind;
        SetHandle(pointer);
        if (pointer != 0)
        {
            Interlocked.Increment(ref _live);
        }
    }

    /// <summary>How many handles of any kind are currently alive in this process.</summary>
    internal static long LiveCount => Interlocked.Read(ref _live);

    internal OrtHandleKind Kind { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer, for passing to ORT while this handle is known to be alive.</summary>
    internal nint Pointer => handle;

    protected override bool ReleaseHandle()
    {
        var api = OrtApi.Instance;
        var release = Kind switch
        {
            OrtHandleKind.Env => api.ReleaseEnv,
            OrtHandleKind.SessionOptions => api.ReleaseSessionOptions,
            OrtHandleKind.Session => api.ReleaseSession,
            OrtHandleKind.Value => api.ReleaseValue,
            OrtHandleKind.MemoryInfo => api.ReleaseMemoryInfo,
            OrtHandleKind.TypeInfo => api.ReleaseTypeInfo,
            OrtHandleKind.TensorTypeAndShapeInfo => api.ReleaseTensorTypeAndShapeInfo,
            _ => null,
        };
        if (release == null)
        {
            return false;
        }

        release(handle);
        Interlocked.Decrement(ref _live);
        return true;
    }
}
