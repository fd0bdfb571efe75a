using Superposition.Onnx.Orientation;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// WeightWatcher 0.7.5.5's conv treatment beside our flattened frame: a kernel [out, in, k…] gives one [out, in] matrix
/// per kernel tap, each multiplied by sqrt(c/2) (conv2d_norm; c = 1 in WeightWatcher's default pooled mode, c = the tap
/// count in its per-slice mode), and the eigenvalues of all taps are pooled before the power-law fit.
/// </summary>
public static class ConvSliceSpectrum
{
    /// <summary>A whole Conv kernel with at least one spatial axis, its rows the filters.</summary>
    public static bool Applies(WeightMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var dims = matrix.Tensor.Dims;
        return matrix.Op == "Conv" && matrix.Slice is null && dims.Count >= 3 && matrix.Rows == dims[0]
            && matrix.Columns == dims.Skip(1).Aggregate(1L, (a, b) => a * b);
    }

    /// <summary>The pooled per-slice statistics; <paramref name="tapCountNorm"/> uses c = taps (per-slice mode) instead of 1.</summary>
    public static ConvSliceResult Compute(WeightMatrix matrix, HeavyTailOptions options, ILinearAlgebraBackend backend, bool tapCountNorm = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        if (!Applies(matrix))
        {
            throw Fail.InvalidArgument(matrix.Name, matrix.Tensor.ShapeText, "a Conv kernel [out, in, k…]");
        }

        var dims = matrix.Tensor.Dims;
        var output = (int)dims[0];
        var input = (int)dims[1];
        var taps = (int)dims.Skip(2).Aggregate(1L, (a, b) => a * b);
        var norm = Math.Sqrt((tapCountNorm ? taps : 1) / 2.0);
        // Filter o is the contiguous row [o·in·taps, (o+1)·in·taps) with entry c·taps + s = W[o, c, s].
        var filters = matrix.ReadFrame(FeatureAxis.Rows);
        var rowLength = input * taps;
        var n = Math.Max(output, input);
        var m = Math.Min(output, input);
        var pooled = new List<double>(taps * m);
        var slice = new double[output * input];
        for (var s = 0; s < taps; s++)
        {
            // Column-major [in × out]: column o holds W_s[o, :]; W_s Wᵀ_s and Wᵀ_s W_s share the nonzero spectrum.
            for (var o = 0; o < output; o++)
            {
                for (var c = 0; c < input; c++)
                {
                    slice[c + (o * input)] = norm * filters[(o * rowLength) + (c * taps) + s];
                }
            }

            pooled.AddRange(SmallerSideEigenvalues(backend, input, output, slice));
        }

        var descending = pooled.OrderDescending().ToArray();
        var fit = PowerLawFitter.Fit(descending, options.EigenvalueFloor, options.XMinRule, options.MinTailSize, options.LowConfidenceTail);
        var lambdaMax = descending[0];
        return new ConvSliceResult(taps, n, m, norm, fit, Math.Log10(descending.Sum()), Math.Log10(lambdaMax),
            fit.Alpha is { } alpha ? alpha * Math.Log10(lambdaMax) : null);
    }

    /// <summary>Attaches <see cref="Compute"/> to every conv layer of <paramref name="analysis"/> (a no-op unless the options ask for slices).</summary>
    public static ModelAnalysis Attach(ModelAnalysis analysis, Onnx.Graph.OnnxModel model, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(model);
        var heavyTail = analysis.Options.Analysis.HeavyTail;
        if (heavyTail.ConvKernels != ConvKernels.Slices)
        {
            return analysis;
        }

        var byName = model.Matrices.Where(Applies).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var layers = analysis.Layers
            .Select(l => byName.TryGetValue(l.Name, out var matrix) ? l with { ConvSlices = Compute(matrix, heavyTail, backend) } : l)
            .ToList();
        return analysis with { Layers = layers };
    }

    private static double[] SmallerSideEigenvalues(ILinearAlgebraBackend backend, int rows, int columns, double[] columnMajor)
    {
        var side = Math.Min(rows, columns);
        var f = new double[side * side];
        if (columns < rows)
        {
            backend.Gemm(transposeA: true, transposeB: false, columns, columns, rows, columnMajor, columnMajor, f);
        }
        else
        {
            backend.Syrk(rows, columns, columnMajor, f);
        }

        var values = new double[side];
        backend.SymmetricEigen(side, f, values, computeVectors: false);
        return values.Select(v => Math.Max(0.0, v)).ToArray();
    }
}
