using System.Runtime.InteropServices;

namespace Superposition.Runtime.Native;

/// <summary>Copies a tensor <c>OrtValue</c> that ORT allocated into a managed <see cref="OrtTensor"/>.</summary>
internal static unsafe class OrtValueReader
{
    internal static OrtTensor ReadTensor(OrtApi api, nint value, string where, string name)
    {
        int valueType;
        api.Check(api.GetValueType(value, &valueType), where);
        if (valueType != (int)OrtValueKind.Tensor)
        {
            var kind = Enum.IsDefined((OrtValueKind)valueType) ? ((OrtValueKind)valueType).ToString() : valueType.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw Fail.RuntimeFailed($"{where}: output '{name}'", $"the value is a {kind.ToLowerInvariant()}, and the binding reads tensors only.");
        }

        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), where);
        using var infoHandle = new OrtHandle(OrtHandleKind.TensorTypeAndShapeInfo, info);

        int elementType;
        api.Check(api.GetTensorElementType(info, &elementType), where);
        var type = (OrtElementType)elementType;
        var clr = OrtElementTypes.ClrType(type)
            ?? throw Fail.UnsupportedDataType(where, name, OrtElementTypes.Name(type));

        nuint rank;
        api.Check(api.GetDimensionsCount(info, &rank), where);
        var shape = new long[(int)rank];
        fixed (long* shapePointer = shape)
        {
            api.Check(api.GetDimensions(info, shapePointer, rank), where);
        }

        nuint count;
        api.Check(api.GetTensorShapeElementCount(info, &count), where);

        var data = Array.CreateInstance(clr, checked((long)count));
        var bytes = checked((long)count * OrtElementTypes.Size(type));
        if (bytes > 0)
        {
            void* source;
            api.Check(api.GetTensorMutableData(value, &source), where);
            ref var target = ref MemoryMarshal.GetArrayDataReference(data);
            fixed (byte* targetPointer = &target)
            {
                Buffer.MemoryCopy(source, targetPointer, bytes, bytes);
            }
        }

        return new OrtTensor(type, shape, data);
    }
}
