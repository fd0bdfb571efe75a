namespace Superposition.Runtime.Native;

/// <summary>
/// Process-wide ORT objects: the one <c>OrtEnv</c> (ORT wants a single environment per process, alive as long as
/// any session), a CPU memory description for caller-owned input buffers, and the default allocator (used only
/// to free the names ORT hands out). Created on first use and kept for the life of the process.
/// </summary>
internal sealed unsafe class OrtEnvironment
{
    /// <summary>ORT_LOGGING_LEVEL_FATAL: errors reach us through OrtStatus, so ORT's own log stays quiet.</summary>
    private const int LogSeverityFatal = 4;

    private const int OrtDeviceAllocator = 0;
    private const int OrtMemTypeDefault = 0;

    private static readonly Lock Gate = new();
    private static OrtEnvironment? _shared;

    private OrtEnvironment(OrtApi api)
    {
        Api = api;
        nint env;
        fixed (byte* logId = "superposition"u8)
        {
            api.Check(api.CreateEnv(LogSeverityFatal, logId, &env), "CreateEnv");
        }

        Env = new OrtHandle(OrtHandleKind.Env, env);

        nint memoryInfo;
        api.Check(api.CreateCpuMemoryInfo(OrtDeviceAllocator, OrtMemTypeDefault, &memoryInfo), "CreateCpuMemoryInfo");
        CpuMemory = new OrtHandle(OrtHandleKind.MemoryInfo, memoryInfo);

        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
        DefaultAllocator = allocator;
    }

    internal static OrtEnvironment Instance
    {
        get
        {
            var existing = Volatile.Read(ref _shared);
            if (existing is not null)
            {
                return existing;
            }

            lock (Gate)
            {
                _shared ??= new OrtEnvironment(OrtApi.Instance);
                return _shared;
            }
        }
    }

    internal OrtApi Api { get; }

    internal OrtHandle Env { get; }

    internal OrtHandle CpuMemory { get; }

    internal nint DefaultAllocator { get; }
}
