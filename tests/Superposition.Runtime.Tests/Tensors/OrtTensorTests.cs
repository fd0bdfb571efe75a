using Superposition.Onnx.Graph;
namespace Superposition.Runtime.Tests.Tensors;

public sealed class OrtTensorTests
{
    [Fact]
    public void Create_infers_the_element_type_from_the_array()
    {
        Assert.Equal(OnnxDataType.Float32, OrtTensor.Create(new float[2], 2).ElementType);
        Assert.Equal(OnnxDataType.Float16, OrtTensor.Create(new Half[2], 2).ElementType);
        Assert.Equal(OnnxDataType.Bool, OrtTensor.Create(new bool[2], 2).ElementType);
        Assert.Equal(OnnxDataType.UInt64, OrtTensor.Create(new ulong[2], 2).ElementType);
    }

    [Fact]
    public void Shape_that_does_not_match_the_data_length_is_rejected()
    {
        var e = Assert.Throws<SuperpositionException>(() => OrtTensor.Create(new float[5], 2, 3));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public void Data_of_the_wrong_array_type_is_rejected()
    {
        var e = Assert.Throws<SuperpositionException>(() => new OrtTensor(OnnxDataType.Float32, [2], new double[2]));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public void String_tensors_are_not_supported()
    {
        var e = Assert.Throws<SuperpositionException>(() => new OrtTensor(OnnxDataType.String, [1], new string[1]));

        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public void GetData_of_another_type_is_rejected()
    {
        var tensor = OrtTensor.Create(new[] { 1, 2 }, 2);

        Assert.Equal([1, 2], tensor.GetData<int>());
        Assert.Throws<SuperpositionException>(() => tensor.GetData<long>());
    }

    [Fact]
    public void ToDoubleArray_converts_every_type()
    {
        Assert.Equal([1.0, 0.0, 1.0], OrtTensor.Create(new[] { true, false, true }, 3).ToDoubleArray());
        Assert.Equal([-128.0, 255.0], new OrtTensor(OnnxDataType.Int16, [2], new short[] { -128, 255 }).ToDoubleArray());
        Assert.Equal([0.5, -2.0], OrtTensor.Create(new[] { (Half)0.5, (Half)(-2) }, 2).ToDoubleArray());
    }

    [Fact]
    public void ToString_shows_type_and_shape()
    {
        Assert.Equal("float32[2,3]", OrtTensor.Create(new float[6], 2, 3).ToString());
        Assert.Equal("int64[]", OrtTensor.Create(new long[1]).ToString());
    }
}
