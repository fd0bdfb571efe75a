namespace Superposition.Runtime;

/// <summary>
/// Tensor element types, numbered as ONNX's <c>TensorProto.DataType</c> (ORT's <c>ONNXTensorElementDataType</c>
/// uses the same numbers). The binding moves the numeric ones and bool; string, complex and bfloat16 tensors are
/// recognised but not supported.
/// </summary>
public enum OrtElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
}
