using Superposition.Onnx.Orientation;
using Superposition.Tests.Shared;

namespace Superposition.Onnx.Tests.Orientation;

/// <summary>Block-by-block reading gives exactly the frame read in one piece, in both orientations and at any block size.</summary>
public sealed class FrameBlocksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1024)]
    public void Frame_read_in_blocks_equals_the_whole_frame(int block)
    {
        var model = OnnxModelLoader.Load(RepoPaths.WakeWordHead);
        foreach (var matrix in model.Matrices)
        {
            foreach (var axis in new[] { FeatureAxis.Rows, FeatureAxis.Columns })
            {
                Assert.Equal(matrix.ReadFrame(axis), matrix.ReadFrameInBlocks(axis, block));
            }
        }
    }

    [Fact]
    public void Feature_range_is_the_matching_slice_of_the_frame_for_rows_and_columns()
    {
        var model = OnnxModelLoader.Load(RepoPaths.WakeWordHead);
        var matrix = model.Matrices.OrderByDescending(m => m.ParameterCount).First();
        foreach (var axis in new[] { FeatureAxis.Rows, FeatureAxis.Columns })
        {
            var whole = matrix.ReadFrame(axis);
            int hidden = axis == FeatureAxis.Rows ? matrix.Columns : matrix.Rows;
            int features = axis == FeatureAxis.Rows ? matrix.Rows : matrix.Columns;
            int start = features / 3, count = Math.Min(5, features - start);
            var block = new double[hidden * count];
            matrix.ReadFeatures(axis, start, count, block);
            Assert.Equal(whole.AsSpan(start * hidden, hidden * count).ToArray(), block);
        }
    }

    [Fact]
    public void Range_outside_the_frame_is_an_invalid_argument()
    {
        var matrix = OnnxModelLoader.Load(RepoPaths.WakeWordHead).Matrices[0];
        var error = Assert.Throws<SuperpositionException>(() => matrix.ReadFeatures(FeatureAxis.Rows, matrix.Rows, 1, new double[matrix.Columns]));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }
}
