using Superposition.Onnx.Graph;

namespace Superposition.Runtime.Tests.Tensors;

public sealed class OrtElementTypesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void New_array_of_every_supported_type_has_that_types_clr_element_and_length(long count)
    {
        foreach (var type in OrtElementTypes.Supported)
        {
            var array = OrtElementTypes.NewArray(type, count);
            Assert.NotNull(array);
            Assert.Equal(OrtElementTypes.ClrType(type), array.GetType().GetElementType());
            Assert.Equal(count, array.LongLength);
        }
    }

    [Theory]
    [InlineData(OnnxDataType.String)]
    [InlineData(OnnxDataType.BFloat16)]
    [InlineData(OnnxDataType.Complex64)]
    public void New_array_of_a_type_the_binding_does_not_move_is_null(OnnxDataType type)
    {
        Assert.Null(OrtElementTypes.ClrType(type));
        Assert.Null(OrtElementTypes.NewArray(type, 3));
    }
}
