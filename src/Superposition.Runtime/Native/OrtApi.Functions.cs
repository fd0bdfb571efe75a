namespace Superposition.Runtime.Native;

/// <summary>The function pointers, typed from the C header (opaque handles as <c>nint</c>, C enums as <c>int</c>).</summary>
internal sealed unsafe partial class OrtApi
{
    internal readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;

    // (OrtLoggingLevel, const char* logid, OrtEnv** out)
    internal readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv;

    // (const OrtEnv*, const char* model_path, const OrtSessionOptions*, OrtSession** out)
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint> CreateSession;

    // (const OrtEnv*, const void* model_data, size_t length, const OrtSessionOptions*, OrtSession** out)
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;

    // (OrtSession*, const OrtRunOptions*, const char* const* input_names, const OrtValue* const* inputs, size_t input_len,
    //  const char* const* output_names, size_t output_names_len, OrtValue** outputs)
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run;

    internal readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    internal readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    internal readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;

    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;

    // (const OrtSession*, size_t index, OrtAllocator*, char** value) - value is freed with AllocatorFree.
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;

    // (const OrtMemoryInfo*, void* p_data, size_t p_data_len, const int64_t* shape, size_t shape_len,
    //  ONNXTensorElementDataType, OrtValue** out) - the buffer stays the caller's and must outlive the value.
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;

    internal readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;

    // (const OrtTypeInfo*, const OrtTensorTypeAndShapeInfo** out) - out is owned by the type info, not released.
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;

    // (const OrtTensorTypeAndShapeInfo*, const char* dim_params[], size_t length) - strings owned by the info.
    internal readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> GetSymbolicDimensions;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    internal readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetValueType;

    // (OrtAllocatorType, OrtMemType, OrtMemoryInfo** out)
    internal readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;

    // The default allocator is a process-wide singleton: never released.
    internal readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;

    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
}
