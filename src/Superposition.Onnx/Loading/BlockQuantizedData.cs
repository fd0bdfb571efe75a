using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// The weight <c>[N, K]</c> of a <c>com.microsoft::MatMulNBits</c> node (Y = A · Bᵀ), decoded from its packed codes:
/// row n, column k is code <c>q</c> at bit <c>(k mod block)·bits</c> of blob <c>(n, k / block)</c>, read low bits first,
/// and its value is <c>(q − zero) · scale</c> with the scale and zero point of block <c>g_idx[k]</c> (or <c>k / block</c>).
/// </summary>
internal sealed class MatMulNBitsTensorData : TensorData
{
    private readonly TensorData _packed;
    private readonly int _bits;
    private readonly long _k;
    private readonly long _blocks;
    private readonly long _blockSize;
    private readonly long _blob;
    private readonly double[] _scale;
    private readonly double[] _zero;
    private readonly int[]? _groupIndex;

    /// <param name="packed">The stored uint8 codes, <c>[N, blocks, blob]</c>.</param>
    /// <param name="n">Output units N.</param>
    /// <param name="k">Input units K.</param>
    /// <param name="bits">Bits per code (2 to 8).</param>
    /// <param name="blockSize">Codes per block along K.</param>
    /// <param name="scale">One scale per (n, block), row-major.</param>
    /// <param name="zero">One zero point per (n, block), already unpacked.</param>
    /// <param name="groupIndex">Block of each k (act-order models), or null for k / block.</param>
    public MatMulNBitsTensorData(TensorData packed, long n, long k, int bits, long blockSize, double[] scale, double[] zero, int[]? groupIndex)
        : base(OnnxDataType.Float64, n * k)
    {
        _packed = packed;
        _bits = bits;
        _k = k;
        _blockSize = blockSize;
        _blocks = (k + blockSize - 1) / blockSize;
        _blob = blockSize * bits / 8;
        _scale = scale;
        _zero = zero;
        _groupIndex = groupIndex;
    }

    protected override void ReadCore(long offset, Span<double> destination)
    {
        long rowBytes = _blocks * _blob;
        var packed = new double[rowBytes];
        var bytes = new byte[rowBytes + 1];
        long done = 0;
        while (done < destination.Length)
        {
            long element = offset + done;
            long row = element / _k, column = element % _k;
            long count = Math.Min(_k - column, destination.Length - done);
            _packed.Read(row * rowBytes, packed);
            for (long b = 0; b < rowBytes; b++) bytes[b] = (byte)packed[b];
            for (long i = 0; i < count; i++)
            {
                long k = column + i;
                long block = k / _blockSize;
                int code = BitCode.Read(bytes, (block * _blob * 8) + ((k % _blockSize) * _bits), _bits);
                long group = _groupIndex is null ? block : _groupIndex[k];
                long index = (row * _blocks) + group;
                destination[(int)(done + i)] = (code - _zero[index]) * _scale[index];
            }

            done += count;
        }
    }
}

/// <summary>
/// Block-wise dequantization along one axis, <c>(q − zero) · scale</c> with the scale and zero point of block
/// <c>index[axis] / block</c> (DequantizeLinear with <c>block_size</c>, opset 21; GatherBlockQuantized). The scale and
/// zero-point tensors have the weight's rank, with <c>ceil(dims[axis] / block)</c> along the axis.
/// </summary>
internal sealed class BlockDequantizedTensorData : TensorData
{
    private readonly TensorData _quantized;
    private readonly long[] _dims;
    private readonly int _axis;
    private readonly long _blockSize;
    private readonly double[] _scale;
    private readonly double[] _zero;
    private readonly long[] _scaleStrides;
    private readonly long[] _strides;

    public BlockDequantizedTensorData(TensorData quantized, IReadOnlyList<long> dims, int axis, long blockSize, double[] scale, double[] zero)
        : base(OnnxDataType.Float64, quantized.ElementCount)
    {
        _quantized = quantized;
        _dims = [.. dims];
        _axis = axis;
        _blockSize = blockSize;
        _scale = scale;
        _zero = zero;
        int rank = _dims.Length;
        _strides = new long[rank];
        _scaleStrides = new long[rank];
        long stride = 1, scaleStride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            _strides[d] = stride;
            _scaleStrides[d] = scaleStride;
            stride *= _dims[d];
            scaleStride *= d == axis ? BlocksAlong(_dims[d], blockSize) : _dims[d];
        }
    }

    public static long BlocksAlong(long length, long blockSize) => (length + blockSize - 1) / blockSize;

    protected override void ReadCore(long offset, Span<double> destination)
    {
        _quantized.Read(offset, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            long rest = offset + i, index = 0;
            for (int d = 0; d < _dims.Length; d++)
            {
                long coordinate = rest / _strides[d];
                rest -= coordinate * _strides[d];
                index += (d == _axis ? coordinate / _blockSize : coordinate) * _scaleStrides[d];
            }

            destination[i] = (destination[i] - _zero[index]) * _scale[index];
        }
    }
}

/// <summary>Codes of 1 to 8 bits packed low bits first in a byte stream (the MatMulNBits and GatherBlockQuantized layout).</summary>
internal static class BitCode
{
    /// <summary>The code of <paramref name="bits"/> bits starting at bit <paramref name="bitOffset"/>.</summary>
    public static int Read(byte[] bytes, long bitOffset, int bits)
    {
        long at = bitOffset >> 3;
        int shift = (int)(bitOffset & 7);
        int word = bytes[at] | (at + 1 < bytes.Length ? bytes[at + 1] << 8 : 0);
        return (word >> shift) & ((1 << bits) - 1);
    }

    /// <summary>Unpacks <paramref name="count"/> codes per row from rows of <paramref name="rowBytes"/> bytes each.</summary>
    public static double[] Unpack(double[] packed, long rows, long count, long rowBytes, int bits)
    {
        var bytes = new byte[(rowBytes * rows) + 1];
        for (long b = 0; b < packed.Length; b++) bytes[b] = (byte)packed[b];
        var codes = new double[rows * count];
        for (long r = 0; r < rows; r++)
        {
            for (long c = 0; c < count; c++) codes[(r * count) + c] = Read(bytes, (r * rowBytes * 8) + (c * bits), bits);
        }

        return codes;
    }
}
