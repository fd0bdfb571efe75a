using Superposition.Onnx.Graph;
using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Sessions;

/// <summary>Every supported element type goes through ORT (Identity) and back unchanged, shape included.</summary>
public sealed class OrtSessionElementTypeTests
{
    public static TheoryData<OnnxDataType, Array> Cases() => new()
    {
        { OnnxDataType.Float32, new[] { 1.5f, -0f, float.NaN, float.PositiveInfinity, 3e-38f, 7f } },
        { OnnxDataType.Float64, new[] { Math.PI, -1e300, double.Epsilon, 0.0, -2.5, 1.0 / 3 } },
        { OnnxDataType.Float16, new[] { (Half)1.5, (Half)(-2), Half.MaxValue, Half.Epsilon, (Half)0, (Half)0.099975586 } },
        { OnnxDataType.Int8, new sbyte[] { -128, -1, 0, 1, 100, 127 } },
        { OnnxDataType.UInt8, new byte[] { 0, 1, 2, 128, 254, 255 } },
        { OnnxDataType.Int16, new short[] { short.MinValue, -1, 0, 1, 12345, short.MaxValue } },
        { OnnxDataType.UInt16, new ushort[] { 0, 1, 2, 40000, 65534, ushort.MaxValue } },
        { OnnxDataType.Int32, new[] { int.MinValue, -1, 0, 1, 123456789, int.MaxValue } },
        { OnnxDataType.UInt32, new[] { 0u, 1u, 2u, 3_000_000_000u, 7u, uint.MaxValue } },
        { OnnxDataType.Int64, new[] { long.MinValue, -1L, 0L, 1L, 1L << 40, long.MaxValue } },
        { OnnxDataType.UInt64, new[] { 0UL, 1UL, 2UL, 1UL << 63, 9UL, ulong.MaxValue } },
        { OnnxDataType.Bool, new[] { true, false, false, true, true, false } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Identity_round_trips_values_and_shape(OnnxDataType type, Array values)
    {
        using var session = OrtSession.FromBytes(TestModels.Identity(type, rank: 3));
        var input = new OrtTensor(type, [1, 2, 3], values);

        var output = session.Run("X", input)["Y"];

        Assert.Equal(type, output.ElementType);
        Assert.Equal([1L, 2L, 3L], output.Shape);
        Assert.Equal(values.GetType(), output.Data.GetType());
        Assert.Equal(input.AsBytes().ToArray(), output.AsBytes().ToArray());
        Assert.NotSame(values, output.Data);
    }

    [Fact]
    public void Scalar_and_empty_tensors_round_trip()
    {
        using var scalarSession = OrtSession.FromBytes(TestModels.Identity(OnnxDataType.Float32, rank: 0));
        var scalar = scalarSession.Run("X", OrtTensor.Create(new[] { 42f }))["Y"];
        Assert.Empty(scalar.Shape);
        Assert.Equal([42f], scalar.GetData<float>());

        using var emptySession = OrtSession.FromBytes(TestModels.Identity(OnnxDataType.Int64, rank: 2));
        var empty = emptySession.Run("X", OrtTensor.Create(Array.Empty<long>(), 0, 4))["Y"];
        Assert.Equal([0L, 4L], empty.Shape);
        Assert.Empty(empty.GetData<long>());
    }
}
