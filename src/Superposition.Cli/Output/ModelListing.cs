using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;

namespace Superposition.Cli.Output;

/// <summary>What <c>inspect</c> prints and writes as JSON: one row per frame, and one per tensor that is not a frame.</summary>
internal sealed record ModelListing(
    string File,
    long FileBytes,
    string Producer,
    long IrVersion,
    IReadOnlyList<string> Opsets,
    string Graph,
    int Nodes,
    long Parameters,
    int Frames,
    IReadOnlyList<TensorListing> Tensors)
{
    public static ModelListing From(OnnxModel model, OrientationChoice orientation)
    {
        var rows = new List<TensorListing>();
        var byTensor = model.Matrices.ToLookup(m => m.Tensor);
        foreach (var tensor in model.Tensors)
        {
            var matrices = byTensor[tensor].ToList();
            if (matrices.Count == 0)
            {
                rows.Add(TensorListing.Of(tensor, null, null));
                continue;
            }

            foreach (var matrix in matrices) rows.Add(TensorListing.Of(tensor, matrix, matrix.Orient(orientation)));
        }

        return new ModelListing(model.Path, model.FileBytes, model.Producer, model.IrVersion,
            model.Opsets.Select(o => o.ToString()).ToList(), model.GraphName, model.NodeCount, model.ParameterCount,
            model.Matrices.Count, rows);
    }
}

/// <summary>One row of the listing.</summary>
internal sealed record TensorListing(
    string Name,
    string? ReadableName,
    int? Block,
    string? Role,
    string Op,
    string Layer,
    string Shape,
    string Dtype,
    long Parameters,
    int? Features,
    int? Hidden,
    string? OrientationLabel,
    string? Orientation,
    string Storage,
    string? ExternalFile,
    string? GraphPath,
    IReadOnlyList<string> UsedBy,
    string? Decoding,
    string? Note,
    string? NotAFrame)
{
    public static TensorListing Of(WeightTensor tensor, WeightMatrix? matrix, FrameOrientation? frame)
    {
        var use = matrix?.Use ?? tensor.Uses.FirstOrDefault();
        string shape = matrix is null || (tensor.Dims.Count == 2 && matrix.Slice is null) ? tensor.ShapeText : $"{tensor.ShapeText} → [{matrix.Rows}, {matrix.Columns}]";
        if (!tensor.StoredDims.SequenceEqual(tensor.Dims)) shape += $" (stored {tensor.StoredShapeText})";
        return new TensorListing(
            matrix?.Name ?? tensor.Name,
            matrix?.ReadableName,
            matrix?.BlockIndex,
            matrix?.Role,
            use?.Op ?? "(unused)",
            use?.Layer ?? "",
            shape,
            tensor.DataType.Name(),
            matrix?.ParameterCount ?? (tensor.IsParameter ? tensor.ElementCount : 0),
            frame?.Features,
            frame?.Hidden,
            frame?.Label,
            frame?.Description,
            tensor.StorageLabel,
            tensor.ExternalFile,
            tensor.GraphPath.Length == 0 ? null : tensor.GraphPath,
            tensor.Uses.Select(u => string.Join("", u.Via.Select(v => v + " → ")) + u.Op + " " + u.Layer + " (input " + u.InputIndex + ")").ToList(),
            tensor.Decoding,
            matrix?.Note,
            tensor.NotAFrameReason);
    }
}
