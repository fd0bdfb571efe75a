using System.Runtime.InteropServices;
using Superposition.Runtime.Native;

namespace Superposition.Runtime;

/// <summary>Reading the names, kinds, element types and shapes of a session's inputs and outputs.</summary>
public sealed unsafe partial class OrtSession
{
    private OrtValueInfo[] ReadValueInfos(bool isInput)
    {
        var api = _environment.Api;
        var kind = isInput ? "input" : "output";
        nuint count;
        var countFunction = isInput ? api.SessionGetInputCount : api.SessionGetOutputCount;
        api.Check(countFunction(_session.Pointer, &count), $"{Source}: Session{kind}Count");

        var infos = new OrtValueInfo[(int)count];
        for (var i = 0; i < infos.Length; i++)
        {
            var name = ReadName(isInput, i);
            var typeFunction = isInput ? api.SessionGetInputTypeInfo : api.SessionGetOutputTypeInfo;
            nint typeInfo;
            api.Check(typeFunction(_session.Pointer, (nuint)i, &typeInfo), $"{Source}: {kind} '{name}' type info");
            using var typeHandle = new OrtHandle(OrtHandleKind.TypeInfo, typeInfo);
            infos[i] = DescribeType(api, name, typeInfo, $"{Source}: {kind} '{name}'");
        }

        return infos;
    }

    private string ReadName(bool isInput, int index)
    {
        var api = _environment.Api;
        var allocator = _environment.DefaultAllocator;
        var nameFunction = isInput ? api.SessionGetInputName : api.SessionGetOutputName;
        byte* name;
        api.Check(nameFunction(_session.Pointer, (nuint)index, allocator, &name), $"{Source}: name of {(isInput ? "input" : "output")} {index}");
        try
        {
            return Marshal.PtrToStringUTF8((nint)name) ?? string.Empty;
        }
        finally
        {
            api.Check(api.AllocatorFree(allocator, name), $"{Source}: AllocatorFree");
        }
    }

    private static OrtValueInfo DescribeType(OrtApi api, string name, nint typeInfo, string where)
    {
        int onnxType;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), where);
        var kind = Enum.IsDefined((OrtValueKind)onnxType) ? (OrtValueKind)onnxType : OrtValueKind.Unknown;
        if (kind != OrtValueKind.Tensor)
        {
            return new OrtValueInfo(name, kind, OrtElementType.Undefined, []);
        }

        // The tensor info belongs to the type info: it is not released separately.
        nint tensorInfo;
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), where);
        int elementType;
        api.Check(api.GetTensorElementType(tensorInfo, &elementType), where);
        var shape = ReadShape(api, tensorInfo, where);
        return new OrtValueInfo(name, kind, (OrtElementType)elementType, shape);
    }

    private static OrtDimension[] ReadShape(OrtApi api, nint tensorInfo, string where)
    {
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank), where);
        var sizes = new long[(int)rank];
        var symbols = new nint[(int)rank];
        fixed (long* sizePointer = sizes)
        fixed (nint* symbolPointer = symbols)
        {
            api.Check(api.GetDimensions(tensorInfo, sizePointer, rank), where);
            api.Check(api.GetSymbolicDimensions(tensorInfo, (byte**)symbolPointer, rank), where);
        }

        var dims = new OrtDimension[sizes.Length];
        for (var d = 0; d < dims.Length; d++)
        {
            var symbol = symbols[d] == 0 ? string.Empty : Marshal.PtrToStringUTF8(symbols[d]) ?? string.Empty;
            dims[d] = new OrtDimension(sizes[d] < 0 ? -1 : sizes[d], symbol);
        }

        return dims;
    }
}
