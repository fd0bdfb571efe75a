namespace Superposition.Onnx.Orientation;

/// <summary>
/// Block-by-block reading of a weight matrix as a frame: one block of features is decoded (fp16, bf16, int8 or a
/// dequantization, per block) straight into its place in the caller's buffer, and for external data only that block's
/// byte range is mapped. A frame of n features is read with n / block mapped windows and no intermediate copy.
/// </summary>
public static class FrameBlocks
{
    /// <summary>Features per block when reading a whole frame: 1024 (a 4096-dimensional fp16 block maps 8 MB).</summary>
    public const int DefaultBlockFeatures = 1024;

    /// <summary>
    /// Features [start, start + count) of the frame in orientation <paramref name="features"/> into
    /// <paramref name="destination"/> (hidden × count, column-major: feature start + j at [j·hidden, (j+1)·hidden)).
    /// Row features are one contiguous range; column features are read row by row (one short range per row).
    /// </summary>
    public static void ReadFeatures(this WeightMatrix matrix, FeatureAxis features, int start, int count, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int total = features == FeatureAxis.Rows ? matrix.Rows : matrix.Columns;
        int hidden = features == FeatureAxis.Rows ? matrix.Columns : matrix.Rows;
        if (start < 0 || count < 0 || start + count > total || destination.Length < (long)hidden * count)
        {
            throw Fail.InvalidArgument("feature block", $"[{start}, {start + count}) into {destination.Length} values",
                $"a range inside [0, {total}) and a buffer of {(long)hidden * count} values");
        }

        if (features == FeatureAxis.Rows)
        {
            matrix.Tensor.Read(matrix.Offset + ((long)start * matrix.Columns), destination[..(hidden * count)]);
            return;
        }

        Span<double> row = count <= 4096 ? stackalloc double[count] : new double[count];
        for (int r = 0; r < matrix.Rows; r++)
        {
            matrix.Tensor.Read(matrix.Offset + ((long)r * matrix.Columns) + start, row);
            for (int j = 0; j < count; j++) destination[(j * hidden) + r] = row[j];
        }
    }

    /// <summary>
    /// The whole frame, column-major (as <see cref="WeightMatrix.ReadFrame"/>), read in blocks of
    /// <paramref name="blockFeatures"/> row features; column features go through <see cref="WeightMatrix.ReadFrame"/>,
    /// which already reads bounded blocks of whole rows and transposes them.
    /// </summary>
    public static double[] ReadFrameInBlocks(this WeightMatrix matrix, FeatureAxis features, int blockFeatures = DefaultBlockFeatures)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (features != FeatureAxis.Rows) return matrix.ReadFrame(features);
        long count = (long)matrix.Rows * matrix.Columns;
        if (count > Array.MaxLength) throw Fail.LayerTooLarge(matrix.Name, count * sizeof(double), (long)Array.MaxLength * sizeof(double));
        var frame = new double[count];
        int block = Math.Max(1, blockFeatures);
        for (int start = 0; start < matrix.Rows; start += block)
        {
            int n = Math.Min(block, matrix.Rows - start);
            matrix.ReadFeatures(features, start, n, frame.AsSpan(start * matrix.Columns, n * matrix.Columns));
        }

        return frame;
    }
}
