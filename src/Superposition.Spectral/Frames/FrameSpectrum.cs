using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Spectrum of F = W Wᵀ with the eigenspace grouping and the log bins of MATH.md section 1, held in descending
/// order. With at least as many live features as dimensions it decomposes F (m × m). With fewer (n &lt; m) it
/// decomposes the smaller Gram matrix G = Wᵀ W (n × n) instead: F's nonzero eigenvalues are G's, the other m − n
/// are zero, and u_kᵀ w_i = σ_k V_ik, so the m × m problem is never solved.
/// </summary>
internal sealed partial class FrameSpectrum
{
    /// <summary>All m eigenvalues of F, descending, negatives from rounding clamped to 0.</summary>
    public required double[] Eigenvalues { get; init; }

    /// <summary>F route: eigenvectors of F as columns (m × m), column k for Eigenvalues[k]; null on the Gram route.</summary>
    public double[]? FrameVectors { get; init; }

    /// <summary>Gram route: eigenvectors V of G as columns (n × n), column k for Eigenvalues[k]; null on the F route.</summary>
    public double[]? GramVectors { get; init; }

    public required int M { get; init; }

    public required int Rank { get; init; }

    public required double ZeroThreshold { get; init; }

    public required double GroupingTolerance { get; init; }

    /// <summary>Eigenspaces: nonzero groups descending, then the null space when Rank &lt; M.</summary>
    public required EigenGroup[] Groups { get; init; }

    /// <summary>Group of each eigenvalue index.</summary>
    public required int[] GroupOf { get; init; }

    /// <summary>SpectralBins + 1 edges, ascending.</summary>
    public required double[] BinEdges { get; init; }

    /// <summary>Bin of each eigenvalue index, or −1 for eigenvalues counted as zero.</summary>
    public required int[] BinOf { get; init; }

    public double LambdaMax => Eigenvalues[0];

    public static FrameSpectrum Compute(ILinearAlgebraBackend backend, LiveFrame frame, AnalysisOptions options)
    {
        var m = frame.M;
        var useGram = frame.N < m;
        var size = useGram ? frame.N : m;
        var matrix = new double[(long)size * size];
        if (useGram)
        {
            backend.Gemm(transposeA: true, transposeB: false, size, size, m, frame.Weights, frame.Weights, matrix);
        }
        else
        {
            backend.Syrk(m, frame.N, frame.Weights, matrix);
        }

        var ascending = new double[size];
        backend.SymmetricEigen(size, matrix, ascending, computeVectors: true);

        // Descending order in place (swap columns k and size − 1 − k): no second m × m array.
        var values = new double[m];
        for (var k = 0; k < size; k++)
        {
            values[k] = Math.Max(0.0, ascending[size - 1 - k]);
        }

        var swap = new double[size];
        for (var k = 0; k < size / 2; k++)
        {
            var left = matrix.AsSpan(k * size, size);
            var right = matrix.AsSpan((size - 1 - k) * size, size);
            left.CopyTo(swap);
            right.CopyTo(left);
            swap.CopyTo(right);
        }

        var vectors = matrix;
        var lambdaMax = values[0];
        if (!(lambdaMax > 0))
        {
            throw Fail.NumericalFailure("frame operator", $"largest eigenvalue is {lambdaMax} although live features exist (expected > 0)");
        }

        var zero = options.ZeroEigenvalueTolerance * lambdaMax;
        var rank = 0;
        while (rank < m && values[rank] > zero)
        {
            rank++;
        }

        var grouping = options.EigenspaceTolerance * lambdaMax;
        var (groups, groupOf, report) = Partition(values, rank, options);
        var (edges, binOf) = Bin(groups, groupOf, options.SpectralBins);
        return new FrameSpectrum
        {
            Eigenvalues = values,
            FrameVectors = useGram ? null : vectors,
            GramVectors = useGram ? vectors : null,
            M = m,
            Rank = rank,
            ZeroThreshold = zero,
            GroupingTolerance = grouping,
            Groups = groups,
            GroupOf = groupOf,
            BinEdges = edges,
            BinOf = binOf,
            GroupingReport = report,
        };
    }

    /// <summary>
    /// u_kᵀ w_i for features [start, start + count) into <paramref name="projections"/> (m × count, column-major).
    /// F route: Uᵀ W_block by one Gemm on the frame's own memory. Gram route: σ_k V_ik for k &lt; n and 0 beyond (those
    /// u_k span F's null space, orthogonal to every w_i).
    /// </summary>
    public void Projections(IBlockKernels kernels, LiveFrame frame, int start, int count, Span<double> projections)
    {
        var m = M;
        if (FrameVectors is { } u)
        {
            kernels.GemmTransposeA(m, count, m, u, frame.Weights.AsSpan(start * m, m * count), projections);
            return;
        }

        projections[..(m * count)].Clear();
        var v = GramVectors!;
        var n = frame.N;
        for (var k = 0; k < n; k++)
        {
            var sigma = Math.Sqrt(Eigenvalues[k]);
            for (var j = 0; j < count; j++)
            {
                projections[k + (j * m)] = sigma * v[start + j + ((long)k * n)];
            }
        }
    }
}
