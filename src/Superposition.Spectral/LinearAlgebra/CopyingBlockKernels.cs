namespace Superposition.Spectral.LinearAlgebra;

/// <summary>
/// Block kernels for a backend that only takes whole arrays (the managed one): spans are copied into arrays
/// reused across calls of the same size. No LQ: leverage then takes the thin-SVD route.
/// </summary>
internal sealed class CopyingBlockKernels(ILinearAlgebraBackend backend) : IBlockKernels
{
    [ThreadStatic]
    private static double[]? _a;

    [ThreadStatic]
    private static double[]? _b;

    [ThreadStatic]
    private static double[]? _c;

    public bool SupportsLq => false;

    public void SyrkAdd(int rows, int k, ReadOnlySpan<double> a, Span<double> c)
    {
        var aa = Fill(ref _a, a);
        var cc = Buffer(ref _c, (long)rows * rows);
        backend.Syrk(rows, k, aa, cc);
        for (var j = 0; j < rows; j++)
        {
            for (var i = j; i < rows; i++)
            {
                c[i + (j * rows)] += cc[i + (j * rows)];
            }
        }
    }

    public void SyrkAdd(int rows, int k, ReadOnlySpan<float> a, Span<float> c) => throw Fail.Internal("float32 Syrk is not available on " + backend.Name);

    public void GemmTransposeA(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        var cc = Buffer(ref _c, (long)m * n);
        backend.Gemm(transposeA: true, transposeB: false, m, n, k, Fill(ref _a, a), Fill(ref _b, b), cc);
        cc.AsSpan().CopyTo(c);
    }

    public void GemmTransposeA(int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        var cc = new float[(long)m * n];
        backend.Gemm(transposeA: true, transposeB: false, m, n, k, a.ToArray(), b.ToArray(), cc);
        cc.AsSpan().CopyTo(c);
    }

    public void LqAppend(int m, int count, Span<double> l, Span<double> b) => throw Fail.Internal("LQ is not available on " + backend.Name);

    public bool Cholesky(int m, Span<double> a) => throw Fail.Internal("Cholesky is not available on " + backend.Name);

    public void SolveLower(int m, int count, ReadOnlySpan<double> l, Span<double> b) => throw Fail.Internal("LQ is not available on " + backend.Name);

    private static double[] Buffer(ref double[]? buffer, long length)
    {
        if (buffer is null || buffer.Length != length) buffer = new double[length];
        return buffer;
    }

    private static double[] Fill(ref double[]? buffer, ReadOnlySpan<double> values)
    {
        var array = Buffer(ref buffer, values.Length);
        values.CopyTo(array);
        return array;
    }
}
