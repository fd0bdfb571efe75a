using System.Globalization;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Links block-quantized weights to the scales and zero points that decode them: <c>com.microsoft::MatMulNBits</c>,
/// <c>com.microsoft::GatherBlockQuantized</c> and <c>DequantizeLinear</c> with <c>block_size</c> (opset 21). A weight
/// that one of them reads is either decoded exactly as the runtime decodes it, or given the reason it is not; its
/// packed bytes are never analysed. Layouts: docs/formats.md.
/// </summary>
internal sealed class BlockQuantization(GraphWalker graph, IReadOnlyDictionary<string, WeightTensor> byName)
{
    /// <summary>True when <paramref name="tensor"/> is read by a block-quantizing op (decoded, or skipped with a reason).</summary>
    public bool TryLink(WeightTensor tensor)
    {
        if (UseResolver.DirectReader(graph, tensor.Name, "MatMulNBits", 1) is { } nbits)
        {
            LinkMatMulNBits(tensor, nbits);
            return true;
        }

        if (UseResolver.DirectReader(graph, tensor.Name, "GatherBlockQuantized", 0) is { } gather)
        {
            LinkGather(tensor, gather);
            return true;
        }

        if (UseResolver.DirectReader(graph, tensor.Name, "DequantizeLinear", 0) is { } dq && Attribute(dq.Node, "block_size") is > 0)
        {
            LinkBlockedDequantize(tensor, dq);
            return true;
        }

        return false;
    }

    private void LinkMatMulNBits(WeightTensor tensor, GraphWalker.NodeSite site)
    {
        var node = site.Node;
        string where = $"MatMulNBits '{site.NodeName}'";
        long n = Attribute(node, "N") ?? -1, k = Attribute(node, "K") ?? -1, bits = Attribute(node, "bits") ?? 4, blockSize = Attribute(node, "block_size") ?? -1;
        if (n <= 0 || k <= 0 || blockSize < 16 || (blockSize & (blockSize - 1)) != 0 || bits is < 2 or > 8)
        {
            Skip(tensor, $"{where}: attributes N = {n}, K = {k}, bits = {bits}, block_size = {blockSize} are not a valid layout (N, K > 0; bits 2–8; block_size a power of two ≥ 16)");
            return;
        }

        long blocks = (k + blockSize - 1) / blockSize, blob = blockSize * bits / 8;
        if (tensor.DataType != OnnxDataType.UInt8 || tensor.ElementCount != n * blocks * blob)
        {
            Skip(tensor, $"{where}: packed weight {tensor.DataType.Name()} {tensor.StoredShapeText} does not match uint8 [N, K/block, block·bits/8] = [{n}, {blocks}, {blob}]");
            return;
        }

        // From here on the weight's elements are known: it counts N·K parameters even if its scales turn out unusable.
        tensor.Dims = [n, k];
        tensor.ElementCount = n * k;
        var scale = Input(node, 2, tensor, where, "scales");
        if (scale is null || scale.Length != n * blocks)
        {
            Skip(tensor, $"{where}: scales {(scale is null ? "are not a stored tensor" : $"hold {scale.Length} values")}, expected N·blocks = {n * blocks}");
            return;
        }

        double[] zero;
        string zeroText;
        var zeroTensor = Tensor(node, 3);
        if (zeroTensor is null)
        {
            zero = Filled(n * blocks, 1 << (int)(bits - 1));
            zeroText = $"default zero point {1 << (int)(bits - 1)}";
        }
        else
        {
            var stored = Read(zeroTensor, where, "zero points");
            long rowBytes = ((blocks * bits) + 7) / 8;
            if (stored is null) { Skip(tensor, $"{where}: zero points are not decodable"); return; }
            if (zeroTensor.DataType == OnnxDataType.UInt8 && stored.Length == n * rowBytes)
            {
                zero = BitCode.Unpack(stored, n, blocks, rowBytes, (int)bits);
                zeroText = $"packed {bits}-bit zero points";
            }
            else if (zeroTensor.DataType.IsFloatingPoint() && stored.Length == n * blocks)
            {
                zero = stored;
                zeroText = "float zero points";
            }
            else
            {
                Skip(tensor, $"{where}: zero points {zeroTensor.DataType.Name()} {zeroTensor.StoredShapeText} match neither packed uint8 [N·⌈blocks·bits/8⌉] = [{n * rowBytes}] nor float [N·blocks] = [{n * blocks}]");
                return;
            }
        }

        int[]? groupIndex = null;
        if (Tensor(node, 4) is { } groups)
        {
            var g = Read(groups, where, "g_idx");
            if (g is null || g.Length != k || g.Any(b => b < 0 || b >= blocks))
            {
                Skip(tensor, $"{where}: g_idx must hold K = {k} block indices in [0, {blocks})");
                return;
            }

            groupIndex = g.Select(b => (int)b).ToArray();
        }

        tensor.DecodedData = new MatMulNBitsTensorData(tensor.Data, n, k, (int)bits, blockSize, scale, zero, groupIndex);
        tensor.Decoding = $"MatMulNBits '{site.NodeName}': {bits}-bit codes in blocks of {blockSize} along K, stored uint8 {tensor.StoredShapeText}, "
            + $"decoded (q − zero point) · scale to [N, K] = [{n}, {k}] with {n * blocks} scales, {zeroText}{(groupIndex is null ? "" : ", g_idx")}";
    }

    private void LinkGather(WeightTensor tensor, GraphWalker.NodeSite site)
    {
        var node = site.Node;
        string where = $"GatherBlockQuantized '{site.NodeName}'";
        int rank = tensor.StoredDims.Count;
        long gatherAxis = Attribute(node, "gather_axis") ?? 0, quantizeAxis = Attribute(node, "quantize_axis") ?? 1, blockSize = Attribute(node, "block_size") ?? 128;
        long bits = Attribute(node, "bits") ?? 4;
        if (quantizeAxis < 0) quantizeAxis += rank;
        if (rank != 2 || gatherAxis != 0 || quantizeAxis != 1 || blockSize < 16 || (blockSize & (blockSize - 1)) != 0)
        {
            Skip(tensor, $"{where}: only 2-D tables gathered along axis 0 and quantized along axis 1 are decoded (rank {rank}, gather_axis {gatherAxis}, quantize_axis {quantizeAxis}, block_size {blockSize})");
            return;
        }

        bool packedBytes = tensor.DataType == OnnxDataType.UInt8;
        if (!(packedBytes && bits is 2 or 4 or 8) && !(tensor.DataType.IsPacked4() && bits == 4))
        {
            Skip(tensor, $"{where}: data {tensor.DataType.Name()} with bits = {bits} is not a GatherBlockQuantized layout (uint8 with bits 2, 4 or 8; int4/uint4 with bits 4)");
            return;
        }

        long perByte = packedBytes ? 8 / bits : 1;
        long rows = tensor.StoredDims[0], columns = tensor.StoredDims[1] * perByte;
        long blocks = BlockDequantizedTensorData.BlocksAlong(columns, blockSize);
        var scale = Input(node, 2, tensor, where, "scales");
        if (scale is null || scale.Length != rows * blocks)
        {
            Skip(tensor, $"{where}: scales must hold [{rows}, {blocks}] values");
            return;
        }

        double[] zero;
        string zeroText;
        var zeroTensor = Tensor(node, 3);
        double defaultZero = packedBytes ? 1 << (int)(bits - 1) : 0;
        if (zeroTensor is null)
        {
            zero = Filled(rows * blocks, defaultZero);
            zeroText = $"default zero point {defaultZero}";
        }
        else
        {
            var stored = Read(zeroTensor, where, "zero points");
            long rowBytes = ((blocks * bits) + 7) / 8;
            if (packedBytes && stored is not null && stored.Length == rows * rowBytes) zero = BitCode.Unpack(stored, rows, blocks, rowBytes, (int)bits);
            else if (!packedBytes && stored is not null && stored.Length == rows * blocks) zero = stored;
            else
            {
                Skip(tensor, $"{where}: zero points {zeroTensor.DataType.Name()} {zeroTensor.StoredShapeText} do not match the scales [{rows}, {blocks}]");
                return;
            }

            zeroText = "stored zero points";
        }

        TensorData codes = packedBytes ? new PackedCodeTensorData(tensor.Data, (int)bits, rows * columns) : tensor.Data;
        tensor.DecodedData = new BlockDequantizedTensorData(codes, [rows, columns], 1, blockSize, scale, zero);
        tensor.Dims = [rows, columns];
        tensor.ElementCount = rows * columns;
        tensor.Decoding = $"GatherBlockQuantized '{site.NodeName}': {bits}-bit codes in blocks of {blockSize} along the embedding axis, stored {tensor.DataType.Name()} {tensor.StoredShapeText}, "
            + $"decoded (q − zero point) · scale to [{rows}, {columns}], {zeroText}";
    }

    private void LinkBlockedDequantize(WeightTensor tensor, GraphWalker.NodeSite site)
    {
        var node = site.Node;
        string where = $"DequantizeLinear '{site.NodeName}'";
        var dims = tensor.Dims;
        int rank = dims.Count;
        long blockSize = Attribute(node, "block_size")!.Value, axis = Attribute(node, "axis") ?? 1;
        if (axis < 0) axis += rank;
        if (axis < 0 || axis >= rank)
        {
            Skip(tensor, $"{where}: axis {axis} outside the weight's rank {rank}");
            return;
        }

        long expected = tensor.ElementCount / dims[(int)axis] * BlockDequantizedTensorData.BlocksAlong(dims[(int)axis], blockSize);
        var scale = Input(node, 1, tensor, where, "scale");
        var zeroTensor = Tensor(node, 2);
        var zero = zeroTensor is null ? new double[scale?.Length ?? 0] : Read(zeroTensor, where, "zero point");
        if (scale is null || zero is null || scale.Length != expected || zero.Length != expected)
        {
            Skip(tensor, $"{where}: blocked scale and zero point must hold {expected} values (dims with ⌈{dims[(int)axis]}/{blockSize}⌉ along axis {axis})");
            return;
        }

        tensor.DecodedData = new BlockDequantizedTensorData(tensor.Data, dims, (int)axis, blockSize, scale, zero);
        tensor.Decoding = string.Create(CultureInfo.InvariantCulture,
            $"{where}: {tensor.DataType.Name()} dequantized (q − zero point) · scale in blocks of {blockSize} along axis {axis} ({scale.Length} scales)");
    }

    /// <summary>The values of a scale input, marking the tensor as quantization data; null when it is not a decodable stored tensor.</summary>
    private double[]? Input(NodeProto node, int input, WeightTensor weight, string where, string what) =>
        Tensor(node, input) is { } t ? Read(t, where, what) : null;

    private WeightTensor? Tensor(NodeProto node, int input) =>
        input < node.Input.Count && node.Input[input].Length > 0 ? byName.GetValueOrDefault(node.Input[input]) : null;

    private static double[]? Read(WeightTensor parameter, string where, string what)
    {
        parameter.IsQuantizationParameter = true;
        parameter.Decoding = null;
        // The reason names the op, not the node, so a listing groups the many scale tensors of a model in one line.
        parameter.NotAFrameReason = $"{what} of {where.Split(' ')[0]} (quantization data, part of its weight's decoding)";
        return parameter.IsDecodable && parameter.ElementCount <= int.MaxValue ? parameter.ReadAll() : null;
    }

    private static void Skip(WeightTensor tensor, string reason) => tensor.NotAFrameReason = "not decoded, never analysed as raw bytes: " + reason;

    private static double[] Filled(long count, double value)
    {
        var array = new double[count];
        Array.Fill(array, value);
        return array;
    }

    internal static long? Attribute(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name)?.I;
}

/// <summary>Codes of 2, 4 or 8 bits packed low bits first in uint8 bytes (GatherBlockQuantized's uint8 layout).</summary>
internal sealed class PackedCodeTensorData(TensorData bytes, int bits, long elementCount) : TensorData(OnnxDataType.Float64, elementCount)
{
    protected override void ReadCore(long offset, Span<double> destination)
    {
        if (destination.Length == 0) return;
        int perByte = 8 / bits;
        long first = offset / perByte, last = (offset + destination.Length - 1) / perByte;
        var packed = new double[last - first + 1];
        bytes.Read(first, packed);
        for (int i = 0; i < destination.Length; i++)
        {
            long element = offset + i;
            int code = (int)packed[(element / perByte) - first];
            destination[i] = (code >> (int)((element % perByte) * bits)) & ((1 << bits) - 1);
        }
    }
}
