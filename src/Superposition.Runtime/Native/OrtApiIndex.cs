namespace Superposition.Runtime.Native;

/// <summary>
/// Positions of the functions we call in the <c>OrtApi</c> table (a struct of function pointers, in the order of
/// <c>include/onnxruntime/core/session/onnxruntime_c_api.h</c>). The table only ever grows at the end, so these
/// positions, counted against the header of ORT_API_VERSION 13, hold for every later library (1.30 included).
/// Each value was counted member by member in that header; the conformance tests exercise every one.
/// </summary>
internal static class OrtApiIndex
{
    /// <summary>The API version we request: the header the indices below were checked against.</summary>
    internal const uint ApiVersion = 13;

    internal const int GetErrorCode = 1;
    internal const int GetErrorMessage = 2;
    internal const int CreateEnv = 3;
    internal const int CreateSession = 7;
    internal const int CreateSessionFromArray = 8;
    internal const int Run = 9;
    internal const int CreateSessionOptions = 10;
    internal const int SetSessionGraphOptimizationLevel = 23;
    internal const int SetIntraOpNumThreads = 24;
    internal const int SetInterOpNumThreads = 25;
    internal const int SessionGetInputCount = 30;
    internal const int SessionGetOutputCount = 31;
    internal const int SessionGetInputTypeInfo = 33;
    internal const int SessionGetOutputTypeInfo = 34;
    internal const int SessionGetInputName = 36;
    internal const int SessionGetOutputName = 37;
    internal const int CreateTensorWithDataAsOrtValue = 49;
    internal const int GetTensorMutableData = 51;
    internal const int CastTypeInfoToTensorInfo = 55;
    internal const int GetOnnxTypeFromTypeInfo = 56;
    internal const int GetTensorElementType = 60;
    internal const int GetDimensionsCount = 61;
    internal const int GetDimensions = 62;
    internal const int GetSymbolicDimensions = 63;
    internal const int GetTensorShapeElementCount = 64;
    internal const int GetTensorTypeAndShape = 65;
    internal const int GetValueType = 67;
    internal const int CreateCpuMemoryInfo = 69;
    internal const int AllocatorFree = 76;
    internal const int GetAllocatorWithDefaultOptions = 78;
    internal const int ReleaseEnv = 92;
    internal const int ReleaseStatus = 93;
    internal const int ReleaseMemoryInfo = 94;
    internal const int ReleaseSession = 95;
    internal const int ReleaseValue = 96;
    internal const int ReleaseTypeInfo = 98;
    internal const int ReleaseTensorTypeAndShapeInfo = 99;
    internal const int ReleaseSessionOptions = 100;
}
