namespace Superposition.Runtime.Native;

/// <summary>The kinds of ORT object we own; each has its own Release function in the API table.</summary>
internal enum OrtHandleKind
{
    Env,
    SessionOptions,
    Session,
    Value,
    MemoryInfo,
    TypeInfo,
    TensorTypeAndShapeInfo,
}
