using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>A sparse initializer densified on read: zeros everywhere but at its (linearised) indices.</summary>
internal sealed class SparseTensorData(TensorData values, long[] linearIndices, OnnxDataType type, long elementCount)
    : TensorData(type, elementCount)
{
    protected override void ReadCore(long offset, Span<double> destination)
    {
        destination.Clear();
        var value = new double[1];
        for (int k = 0; k < linearIndices.Length; k++)
        {
            long index = linearIndices[k] - offset;
            if (index < 0 || index >= destination.Length) continue;
            values.Read(k, value);
            destination[(int)index] = value[0];
        }
    }
}

/// <summary>
/// Integer weights mapped back to real values, <c>(q − zero_point) · scale</c>, per tensor or along one
/// axis, as DequantizeLinear and the QLinear operators define it.
/// </summary>
internal sealed class DequantizedTensorData : TensorData
{
    private readonly TensorData _quantized;
    private readonly double[] _scale;
    private readonly double[] _zeroPoint;
    private readonly long _axisStride;
    private readonly long _axisLength;

    /// <param name="quantized">The stored integers.</param>
    /// <param name="scale">One scale, or one per index along <paramref name="axis"/>.</param>
    /// <param name="zeroPoint">Same length as <paramref name="scale"/> (zeros when the model gives none).</param>
    /// <param name="dims">The tensor's dims.</param>
    /// <param name="axis">The quantization axis (ignored for per-tensor scale).</param>
    public DequantizedTensorData(TensorData quantized, double[] scale, double[] zeroPoint, IReadOnlyList<long> dims, int axis)
        : base(OnnxDataType.Float64, quantized.ElementCount)
    {
        _quantized = quantized;
        _scale = scale;
        _zeroPoint = zeroPoint;
        _axisLength = scale.Length;
        _axisStride = 1;
        if (scale.Length > 1)
        {
            for (int d = axis + 1; d < dims.Count; d++) _axisStride *= dims[d];
        }
    }

    protected override void ReadCore(long offset, Span<double> destination)
    {
        _quantized.Read(offset, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            long a = _axisLength == 1 ? 0 : ((offset + i) / _axisStride) % _axisLength;
            destination[i] = (destination[i] - _zeroPoint[a]) * _scale[a];
        }
    }
}
