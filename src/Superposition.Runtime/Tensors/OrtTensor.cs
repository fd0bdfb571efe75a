using Superposition.Onnx.Graph;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Superposition.Runtime;

/// <summary>
/// A dense tensor in managed memory: element type, shape (row-major, empty for a scalar) and a typed 1-D array
/// (<c>float[]</c>, <c>double[]</c>, <c>Half[]</c>, <c>sbyte[]</c>, <c>byte[]</c>, <c>short[]</c>, <c>ushort[]</c>,
/// <c>int[]</c>, <c>uint[]</c>, <c>long[]</c>, <c>ulong[]</c> or <c>bool[]</c>). Tensors returned by
/// <c>OrtSession.Run</c> own fresh arrays; nothing in them refers to native memory.
/// </summary>
public sealed class OrtTensor
{
    private readonly long[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) as a tensor of the given type and shape.</summary>
    public OrtTensor(OnnxDataType elementType, IReadOnlyList<long> shape, Array data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        var clr = OrtElementTypes.ClrType(elementType)
            ?? throw Fail.InvalidArgument("element type", elementType,
                "one of " + string.Join(", ", OrtElementTypes.Supported.Select(OrtElementTypes.Name)));
        if (data.Rank != 1 || data.GetType().GetElementType() != clr)
        {
            throw Fail.InvalidArgument("tensor data", data.GetType().Name, $"a one-dimensional {clr.Name}[] for {OrtElementTypes.Name(elementType)}");
        }

        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw Fail.InvalidArgument("tensor shape", Format(shape), "non-negative dimensions");
            }

            count = checked(count * dim);
        }

        if (count != data.LongLength)
        {
            throw Fail.InvalidArgument("tensor shape", Format(shape), $"{data.LongLength} elements to match the data");
        }

        ElementType = elementType;
        _shape = [.. shape];
        Data = data;
    }

    public OnnxDataType ElementType { get; }

    /// <summary>Dimensions, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The elements in row-major order; the array type follows <see cref="ElementType"/>.</summary>
    public Array Data { get; }

    public long ElementCount => Data.LongLength;

    /// <summary>A tensor over <paramref name="data"/> whose element type follows <typeparamref name="T"/>.</summary>
    public static OrtTensor Create<T>(T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var type = OrtElementTypes.FromClr(typeof(T))
            ?? throw Fail.InvalidArgument("tensor element type", typeof(T).Name, "a type the binding supports");
        return new OrtTensor(type, shape, data);
    }

    /// <summary>The data as <typeparamref name="T"/>[] (the same array, not a copy).</summary>
    public T[] GetData<T>()
        where T : unmanaged =>
        Data as T[] ?? throw Fail.InvalidArgument("tensor element type", typeof(T).Name, $"{OrtElementTypes.Name(ElementType)} (the tensor's type)");

    /// <summary>Every element converted to double (bool as 0/1); for statistics over activations.</summary>
    public double[] ToDoubleArray() => Data switch
    {
        float[] a => Array.ConvertAll(a, v => (double)v),
        double[] a => (double[])a.Clone(),
        Half[] a => Array.ConvertAll(a, v => (double)v),
        sbyte[] a => Array.ConvertAll(a, v => (double)v),
        byte[] a => Array.ConvertAll(a, v => (double)v),
        short[] a => Array.ConvertAll(a, v => (double)v),
        ushort[] a => Array.ConvertAll(a, v => (double)v),
        int[] a => Array.ConvertAll(a, v => (double)v),
        uint[] a => Array.ConvertAll(a, v => (double)v),
        long[] a => Array.ConvertAll(a, v => (double)v),
        ulong[] a => Array.ConvertAll(a, v => (double)v),
        bool[] a => Array.ConvertAll(a, v => v ? 1.0 : 0.0),
        _ => throw Fail.Internal($"tensor holds {Data.GetType().Name}"),
    };

    public override string ToString() => $"{OrtElementTypes.Name(ElementType)}{Format(_shape)}";

    /// <summary>The raw little-endian bytes of the data (a view, not a copy).</summary>
    internal Span<byte> AsBytes() =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(Data), checked((int)ByteLength));

    internal long ByteLength => Data.LongLength * OrtElementTypes.Size(ElementType);

    internal static string Format(IEnumerable<long> shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
