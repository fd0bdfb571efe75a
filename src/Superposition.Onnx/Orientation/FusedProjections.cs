using Superposition.Onnx.Loading;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// A linear layer whose output is cut into parts (GPT-2's <c>c_attn</c> [d, 3d] into q, k, v; a fused gate/up
/// [d, 2·ff]; grouped-query [d, d + 2·d_kv]) is several layers stored as one: each part becomes its own frame,
/// named [q], [k], [v] (or [gate], [up], or by index), as LSTM gates already are.
/// </summary>
internal static class FusedProjections
{
    /// <summary>The parts of <paramref name="whole"/> when its output is cut by one Split or by Slices on the output axis; null otherwise.</summary>
    public static List<WeightMatrix>? Split(WeightMatrix whole, NodeProto? node, GraphWalker graph)
    {
        if (node is null || whole.ReadAxis is null) return null;
        bool outputsAreColumns = whole.ReadAxis == FeatureAxis.Columns;
        long outputs = outputsAreColumns ? whole.Columns : whole.Rows;
        var (value, _) = OutputTrace.Follow(graph, node);
        var readers = graph.ReadersOf(value);
        if (readers.Count == 0) return null;
        var parts = readers.Count == 1 && readers[0].Node.OpType == "Split" && readers[0].InputIndex == 0
            ? SplitParts(readers[0].Node, outputs, graph)
            : SliceParts(readers, outputs, graph);
        if (parts is null || parts.Count < 2) return null;
        string cut = readers[0].Node.OpType == "Split" ? $"Split '{readers[0].NodeName}'" : $"{parts.Count} Slices";
        string[] names = PartNames(parts, whole);
        var list = new List<WeightMatrix>(parts.Count);
        for (int p = 0; p < parts.Count; p++)
        {
            var (start, length) = parts[p];
            string note = $"part {p + 1} of {parts.Count} of a fused projection cut by {cut}: output units [{start}, {start + length}) of {outputs}";
            WeightMatrix part = outputsAreColumns
                ? FrameBuilder.Block(whole.Tensor, whole.Use!, names[p], whole.Offset + start, whole.RowRole, whole.ColumnRole, whole.ReadAxis, note, whole.Rows, length)
                : FrameBuilder.Block(whole.Tensor, whole.Use!, names[p], whole.Offset + (start * whole.Columns), whole.RowRole, whole.ColumnRole, whole.ReadAxis, note, length, whole.Columns);
            if (outputsAreColumns) part.RowStride = whole.Columns;
            list.Add(part);
        }

        return list;
    }

    private static List<(long Start, long Length)>? SplitParts(NodeProto split, long outputs, GraphWalker graph)
    {
        long axis = FrameBuilder.Attribute(split, "axis") ?? 0;
        if (axis is not (-1 or 1 or 2)) return null;
        long[]? sizes = null;
        if (split.Input.Count > 1 && split.Input[1].Length > 0) sizes = Ints(graph, split.Input[1]);
        else if (split.Attribute.FirstOrDefault(a => a.Name == "split") is { } attribute) sizes = [.. attribute.Ints];
        else if (split.Output.Count > 1 && outputs % split.Output.Count == 0) sizes = Enumerable.Repeat(outputs / split.Output.Count, split.Output.Count).ToArray();
        if (sizes is null || sizes.Sum() != outputs || sizes.Any(s => s <= 0)) return null;
        var parts = new List<(long, long)>();
        long start = 0;
        foreach (long size in sizes)
        {
            parts.Add((start, size));
            start += size;
        }

        return parts;
    }

    private static List<(long Start, long Length)>? SliceParts(IReadOnlyList<GraphWalker.NodeSite> readers, long outputs, GraphWalker graph)
    {
        var parts = new List<(long Start, long Length)>();
        foreach (var site in readers)
        {
            var slice = site.Node;
            if (slice.OpType != "Slice" || site.InputIndex != 0 || slice.Input.Count < 4) return null;
            long[]? starts = Ints(graph, slice.Input[1]), ends = Ints(graph, slice.Input[2]), axes = Ints(graph, slice.Input[3]);
            long[]? steps = slice.Input.Count > 4 && slice.Input[4].Length > 0 ? Ints(graph, slice.Input[4]) : [1];
            if (starts is not [var s] || ends is not [var e] || axes is not [-1 or 1 or 2] || steps is not [1]) return null;
            if (s < 0) s += outputs;
            if (e < 0) e += outputs;
            e = Math.Min(e, outputs);
            if (s < 0 || e <= s) return null;
            parts.Add((s, e - s));
        }

        parts.Sort();
        for (int p = 1; p < parts.Count; p++)
        {
            if (parts[p].Start < parts[p - 1].Start + parts[p - 1].Length) return null; // overlapping slices are not a partition
        }

        return parts;
    }

    private static string[] PartNames(List<(long Start, long Length)> parts, WeightMatrix whole)
    {
        string name = whole.Tensor.Name.ToLowerInvariant();
        if (parts.Count == 3 && parts[1].Length == parts[2].Length && parts[0].Length >= parts[1].Length) return ["q", "k", "v"];
        if (parts.Count == 2 && name.Contains("gate", StringComparison.Ordinal) && parts[0].Length == parts[1].Length) return ["gate", "up"];
        return Enumerable.Range(0, parts.Count).Select(p => $"part {p}").ToArray();
    }

    private static long[]? Ints(GraphWalker graph, string name)
    {
        var tensor = graph.Stored(name);
        if (tensor is null || !tensor.IsDecodable || tensor.ElementCount > 64 || tensor.DataType is not (OnnxDataType.Int64 or OnnxDataType.Int32)) return null;
        return tensor.ReadAll().Select(v => (long)v).ToArray();
    }
}
