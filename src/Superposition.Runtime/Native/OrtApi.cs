using System.Runtime.InteropServices;

namespace Superposition.Runtime.Native;

/// <summary>
/// The ONNX Runtime C API function table, read once: <c>OrtGetApiBase()-&gt;GetApi(13)</c>, then each function
/// pointer by its index (<see cref="OrtApiIndex"/>). Every <c>OrtStatus*</c> a function returns goes through
/// <see cref="Check"/>, which turns it into a <see cref="SuperpositionException"/> with ORT's own message.
/// </summary>
internal sealed unsafe partial class OrtApi
{
    private static readonly Lock Gate = new();
    private static OrtApi? _shared;

    private OrtApi(nint table, string source, string version)
    {
        LibrarySource = source;
        Version = version;

        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)Slot(table, OrtApiIndex.GetErrorCode);
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)Slot(table, OrtApiIndex.GetErrorMessage);
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseStatus);
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)Slot(table, OrtApiIndex.CreateEnv);
        CreateSession = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)Slot(table, OrtApiIndex.CreateSession);
        CreateSessionFromArray =
            (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)Slot(table, OrtApiIndex.CreateSessionFromArray);
        Run = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Slot(table, OrtApiIndex.Run);
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)Slot(table, OrtApiIndex.CreateSessionOptions);
        SetSessionGraphOptimizationLevel =
            (delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(table, OrtApiIndex.SetSessionGraphOptimizationLevel);
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(table, OrtApiIndex.SetIntraOpNumThreads);
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(table, OrtApiIndex.SetInterOpNumThreads);
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(table, OrtApiIndex.SessionGetInputCount);
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(table, OrtApiIndex.SessionGetOutputCount);
        SessionGetInputTypeInfo =
            (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)Slot(table, OrtApiIndex.SessionGetInputTypeInfo);
        SessionGetOutputTypeInfo =
            (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)Slot(table, OrtApiIndex.SessionGetOutputTypeInfo);
        SessionGetInputName =
            (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)Slot(table, OrtApiIndex.SessionGetInputName);
        SessionGetOutputName =
            (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)Slot(table, OrtApiIndex.SessionGetOutputName);
        CreateTensorWithDataAsOrtValue =
            (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(table, OrtApiIndex.CreateTensorWithDataAsOrtValue);
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)Slot(table, OrtApiIndex.GetTensorMutableData);
        CastTypeInfoToTensorInfo =
            (delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(table, OrtApiIndex.CastTypeInfoToTensorInfo);
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)Slot(table, OrtApiIndex.GetOnnxTypeFromTypeInfo);
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)Slot(table, OrtApiIndex.GetTensorElementType);
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(table, OrtApiIndex.GetDimensionsCount);
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)Slot(table, OrtApiIndex.GetDimensions);
        GetSymbolicDimensions =
            (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)Slot(table, OrtApiIndex.GetSymbolicDimensions);
        GetTensorShapeElementCount =
            (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(table, OrtApiIndex.GetTensorShapeElementCount);
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(table, OrtApiIndex.GetTensorTypeAndShape);
        GetValueType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)Slot(table, OrtApiIndex.GetValueType);
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)Slot(table, OrtApiIndex.CreateCpuMemoryInfo);
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)Slot(table, OrtApiIndex.AllocatorFree);
        GetAllocatorWithDefaultOptions =
            (delegate* unmanaged[Cdecl]<nint*, nint>)Slot(table, OrtApiIndex.GetAllocatorWithDefaultOptions);
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseEnv);
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseMemoryInfo);
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseSession);
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseValue);
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseTypeInfo);
        ReleaseTensorTypeAndShapeInfo =
            (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseTensorTypeAndShapeInfo);
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)Slot(table, OrtApiIndex.ReleaseSessionOptions);
    }

    /// <summary>
    /// The loaded table; the first use loads the library or throws NativeLibraryMissing. A failure is not
    /// remembered, so fetching the library later in the same process works.
    /// </summary>
    internal static OrtApi Instance
    {
        get
        {
            var loaded = Volatile.Read(ref _shared);
            if (loaded is not null)
            {
                return loaded;
            }

            lock (Gate)
            {
                _shared ??= Create();
                return _shared;
            }
        }
    }

    /// <summary>Where the library was loaded from (a path, or a name given to the system loader).</summary>
    internal string LibrarySource { get; }

    /// <summary>The library's own version string, e.g. "1.30.0".</summary>
    internal string Version { get; }

    /// <summary>Throws with ORT's message when <paramref name="status"/> is not null (null means success).</summary>
    internal void Check(nint status, string where)
    {
        if (status == 0)
        {
            return;
        }

        var code = GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
        ReleaseStatus(status);
        throw Fail.RuntimeFailed(where, $"ONNX Runtime error {ErrorCodeName(code)}: {message}");
    }

    private static OrtApi Create()
    {
        var (library, source) = OrtLibraryLocator.Load();
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw Fail.NativeLibraryMissing(OrtLibraryLocator.LibraryDisplayName,
                $"'{source}' has no OrtGetApiBase export, so it is not ONNX Runtime. {OrtLibraryLocator.HowToGet}");
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)Marshal.ReadIntPtr(apiBase, 0);
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)Marshal.ReadIntPtr(apiBase, IntPtr.Size);
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
        var table = getApi(OrtApiIndex.ApiVersion);
        if (table == 0)
        {
            throw Fail.NativeLibraryMissing(OrtLibraryLocator.LibraryDisplayName,
                $"'{source}' (version {version}) does not offer C API version {OrtApiIndex.ApiVersion}. {OrtLibraryLocator.HowToGet}");
        }

        return new OrtApi(table, source, version);
    }

    private static nint Slot(nint table, int index) => Marshal.ReadIntPtr(table, index * IntPtr.Size);

    private static string ErrorCodeName(int code) => code switch
    {
        1 => "FAIL",
        2 => "INVALID_ARGUMENT",
        3 => "NO_SUCHFILE",
        4 => "NO_MODEL",
        5 => "ENGINE_ERROR",
        6 => "RUNTIME_EXCEPTION",
        7 => "INVALID_PROTOBUF",
        8 => "MODEL_LOADED",
        9 => "NOT_IMPLEMENTED",
        10 => "INVALID_GRAPH",
        11 => "EP_FAIL",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
