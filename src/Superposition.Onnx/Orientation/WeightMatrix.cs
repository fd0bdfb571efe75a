using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// A 2-D block of a weight tensor (the whole tensor, or one gate, direction or batch slice of it) with the
/// meaning of its rows and columns, ready to be read as a frame of feature vectors in either orientation.
/// </summary>
public sealed class WeightMatrix
{
    internal WeightMatrix(
        WeightTensor tensor,
        TensorUse? use,
        string? slice,
        long offset,
        int rows,
        int columns,
        string rowRole,
        string columnRole,
        FeatureAxis? readAxis,
        string? note)
    {
        Tensor = tensor;
        Use = use;
        Slice = slice;
        Offset = offset;
        Rows = rows;
        Columns = columns;
        RowRole = rowRole;
        ColumnRole = columnRole;
        ReadAxis = readAxis;
        Note = note;
    }

    public WeightTensor Tensor { get; }

    /// <summary>The consuming node whose semantics fixed the roles (null when nothing reads the tensor).</summary>
    public TensorUse? Use { get; }

    /// <summary>Which part of the tensor this is ("direction 0, gate i", "slice 3"), or null for the whole tensor.</summary>
    public string? Slice { get; }

    /// <summary>Element offset of the block in the row-major tensor.</summary>
    public long Offset { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>What a row is, e.g. "input unit", "filter", "token".</summary>
    public string RowRole { get; }

    /// <summary>What a column is, e.g. "output unit", "input channel × kernel tap".</summary>
    public string ColumnRole { get; }

    /// <summary>The axis whose vectors are read by output units (null when the consumer's semantics are unknown).</summary>
    public FeatureAxis? ReadAxis { get; }

    /// <summary>Caveat for readers, e.g. "depthwise kernel: overcomplete by construction".</summary>
    public string? Note { get; }

    /// <summary>
    /// True when the frame is overcomplete by construction (a depthwise kernel, a single hidden unit), so its
    /// superposition measures say nothing about learning; informational notes (gate reordering) leave it false.
    /// </summary>
    public bool OvercompleteByConstruction { get; internal set; }

    /// <summary>
    /// The value the consuming node multiplies by this weight (its activation input), when the op has one; the
    /// activation probe compares that value's principal subspace with this frame.
    /// </summary>
    public string? ActivationInput { get; internal set; }

    /// <summary>
    /// The side that holds the features under <c>--orientation auto</c> when the op fixes it regardless of shape: a
    /// lookup table's rows are its tokens even when it has fewer tokens than dimensions (null: the larger side).
    /// </summary>
    public FeatureAxis? AutoAxis { get; internal set; }

    /// <summary>Elements between the starts of two stored rows (the full width when this block is a column window of a fused weight).</summary>
    internal long RowStride { get; set; }

    /// <summary>The other use that reads the same table (a tied output head), or null.</summary>
    public TensorUse? TiedUse { get; internal set; }

    /// <summary>A name derived from the graph that people recognise (e.g. encoder.layer.0.attention.self.query), or null when none was found.</summary>
    public string? ReadableName { get; internal set; }

    /// <summary>The transformer block the layer belongs to (the N of layer.N, h.N, blocks.N), or null.</summary>
    public int? BlockIndex { get; internal set; }

    /// <summary>The layer's role: q, k, v, o, up, gate, down, embedding or head; null when not recognised.</summary>
    public string? Role { get; internal set; }

    /// <summary>Unique name: the tensor name plus the slice.</summary>
    public string Name => Slice is null ? Tensor.Name : $"{Tensor.Name}[{Slice}]";

    public string Op => Use?.Op ?? "(unused)";

    public string Layer => Use?.Layer ?? Tensor.Name;

    public long ParameterCount => (long)Rows * Columns;

    /// <summary>Resolves a user's orientation choice; <c>read</c>/<c>write</c> fall back to auto when roles are unknown.</summary>
    public FrameOrientation Orient(OrientationChoice choice)
    {
        FeatureAxis axis = choice switch
        {
            OrientationChoice.Rows => FeatureAxis.Rows,
            OrientationChoice.Columns => FeatureAxis.Columns,
            OrientationChoice.Read when ReadAxis is { } read => read,
            OrientationChoice.Write when ReadAxis is { } read => Other(read),
            _ when AutoAxis is { } fixedAxis => fixedAxis,
            _ => Rows > Columns ? FeatureAxis.Rows
                : Columns > Rows ? FeatureAxis.Columns
                : ReadAxis ?? FeatureAxis.Rows,
        };
        int features = axis == FeatureAxis.Rows ? Rows : Columns;
        int hidden = axis == FeatureAxis.Rows ? Columns : Rows;
        string role = axis == FeatureAxis.Rows ? RowRole : ColumnRole;
        string label = ReadAxis is null ? (axis == FeatureAxis.Rows ? "rows" : "columns")
            : axis == ReadAxis ? "read"
            : Op is "Gather" or "GatherBlockQuantized" ? "embedding" : "write";
        string fallback = (choice is OrientationChoice.Read or OrientationChoice.Write) && ReadAxis is null
            ? $"; '{choice.ToString().ToLowerInvariant()}' is undefined for {Op}, used the larger side"
            : "";
        return new FrameOrientation(axis, features, hidden, label, $"{features} {Plural(role, features)} in R^{hidden} ({label} frame{fallback})");
    }

    /// <summary>
    /// Reads the block as the m × n frame W, column-major: feature i is the contiguous slice [i·m, (i+1)·m).
    /// </summary>
    public double[] ReadFrame(FeatureAxis features)
    {
        long count = (long)Rows * Columns;
        if (count > Array.MaxLength) throw Fail.LayerTooLarge(Name, count * sizeof(double), (long)Array.MaxLength * sizeof(double));
        var frame = new double[count];
        long stride = RowStride == 0 ? Columns : RowStride;
        if (stride != Columns)
        {
            // A column window of a wider stored weight (one part of a fused projection): gather it row by row.
            var row = new double[Columns];
            for (int r = 0; r < Rows; r++)
            {
                Tensor.Read(Offset + (r * stride), row);
                for (int c = 0; c < Columns; c++)
                {
                    frame[features == FeatureAxis.Rows ? ((long)r * Columns) + c : ((long)c * Rows) + r] = row[c];
                }
            }

            return frame;
        }

        if (features == FeatureAxis.Rows)
        {
            // Row-major rows are already the column-major columns of a Columns × Rows frame.
            Tensor.Read(Offset, frame);
            return frame;
        }

        // Features are columns: transpose through a bounded buffer of whole rows.
        int rowsPerBlock = Math.Max(1, (1 << 20) / Math.Max(1, Columns));
        var buffer = new double[(long)Math.Min(rowsPerBlock, Rows) * Columns];
        for (int r0 = 0; r0 < Rows; r0 += rowsPerBlock)
        {
            int rowCount = Math.Min(rowsPerBlock, Rows - r0);
            var block = buffer.AsSpan(0, rowCount * Columns);
            Tensor.Read(Offset + ((long)r0 * Columns), block);
            for (int r = 0; r < rowCount; r++)
            {
                for (int c = 0; c < Columns; c++) frame[((long)c * Rows) + r0 + r] = block[(r * Columns) + c];
            }
        }

        return frame;
    }

    private static FeatureAxis Other(FeatureAxis axis) => axis == FeatureAxis.Rows ? FeatureAxis.Columns : FeatureAxis.Rows;

    private static string Plural(string role, int count) => count == 1 || role.EndsWith('s') ? role : role + "s";
}
