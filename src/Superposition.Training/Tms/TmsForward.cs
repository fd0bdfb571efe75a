namespace Superposition.Training.Tms;

/// <summary>
/// The trainer's own forward pass on a trained toy model, x' = ReLU(Wᵀ W x + b) in float32 through the training
/// kernels, so an exported model can be checked against exactly what was trained.
/// </summary>
public static class TmsForward
{
    /// <summary>Outputs for <paramref name="rows"/> inputs (rows × n, row-major); returns rows × n.</summary>
    public static float[] Run(TmsInstanceResult model, ReadOnlySpan<float> x, int rows)
    {
        int n = model.Features, m = model.Hidden, p = TmsKernel.Padded(n);
        if (x.Length != rows * n) throw Fail.InvalidArgument("x.Length", x.Length, $"rows × n = {rows * n}");
        var w = new float[m * p];
        for (int k = 0; k < m; k++)
        {
            for (int i = 0; i < n; i++) w[(k * p) + i] = model.At(k, i);
        }

        var b = new float[p];
        for (int i = 0; i < n; i++) b[i] = model.Bias[i];
        var padded = new float[rows * p];
        for (int r = 0; r < rows; r++) x.Slice(r * n, n).CopyTo(padded.AsSpan(r * p, n));
        var output = new float[rows * p];
        TmsKernel.Forward(w, b, padded, rows, p, m, output);
        var result = new float[rows * n];
        for (int r = 0; r < rows; r++) output.AsSpan(r * p, n).CopyTo(result.AsSpan(r * n, n));
        return result;
    }
}
