using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Geometry;

/// <summary>
/// How the localized share depends on the eigenspace grouping: q_i = max over eigenspaces of ‖P_λ w_i‖²/‖w_i‖² recomputed
/// under gap grouping and under fixed tolerances (MATH.md section 3). One blocked pass over u_kᵀ w_i; every grouping reads it.
/// </summary>
internal static class GroupingSensitivity
{
    /// <summary>The fixed tolerances (shares of λ_max) of the table, beside gap grouping.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1];

    public static IReadOnlyList<GroupingSensitivityRow> Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, AnalysisOptions options)
    {
        var values = spectrum.Eigenvalues;
        var rank = spectrum.Rank;
        var m = spectrum.M;
        var groupings = new List<(string Name, double Tolerance, int[] GroupOf, int Cells, int Positive, bool Used)>();
        void Add(string name, double tolerance, (EigenGroup[] Groups, int[] GroupOf) g, bool used) =>
            groupings.Add((name, tolerance, g.GroupOf, g.Groups.Length, g.Groups.Count(x => !x.IsNull), used));

        var gapsUsed = options.Grouping == EigenspaceGrouping.Gaps;
        Add("gaps", options.EigenspaceTolerance,
            FrameSpectrum.GroupByGaps(values, rank, options.EigenspaceTolerance * values[0], options.GapRatio, options.MaxGroupSpread), gapsUsed);
        var fixedTolerances = Tolerances.Append(options.EigenspaceTolerance).Distinct().Order();
        foreach (var tolerance in fixedTolerances)
        {
            Add("fixed", tolerance, FrameSpectrum.Group(values, rank, tolerance * values[0]), !gapsUsed && tolerance == options.EigenspaceTolerance);
        }

        var localized = new int[groupings.Count];
        var mass = groupings.Select(g => new double[g.Cells]).ToArray();
        var block = Math.Max(1, Math.Min(options.FeatureBlockSize, frame.N));
        var squares = new double[(long)m * block];
        var kernels = BlockKernels.For(backend);
        for (var start = 0; start < frame.N; start += block)
        {
            var count = Math.Min(block, frame.N - start);
            SquaredProjections(kernels, frame, spectrum, start, count, squares);
            for (var j = 0; j < count; j++)
            {
                var norm = frame.NormSquared[start + j];
                for (var g = 0; g < groupings.Count; g++)
                {
                    var cells = mass[g];
                    Array.Clear(cells);
                    var groupOf = groupings[g].GroupOf;
                    for (var k = 0; k < m; k++)
                    {
                        cells[groupOf[k]] += squares[k + ((long)j * m)];
                    }

                    if (cells.Max() / norm >= options.LocalizedThreshold)
                    {
                        localized[g]++;
                    }
                }
            }
        }

        return groupings
            .Select((g, i) => new GroupingSensitivityRow(g.Name, g.Tolerance, g.Positive, localized[i], (double)localized[i] / frame.N, g.Used))
            .ToList();
    }

    /// <summary>
    /// (u_kᵀ w_i)² for features [start, start + count), m × count column-major: Uᵀ W_b by one Gemm on the frame's own
    /// memory into <paramref name="squares"/>, squared in place (no per-block arrays: the frame's blocks of a 32000 ×
    /// 4096 embedding would otherwise leave 2 GB of garbage per pass), or λ_k V_ik² on the Gram route.
    /// </summary>
    private static void SquaredProjections(IBlockKernels kernels, LiveFrame frame, FrameSpectrum spectrum, int start, int count, double[] squares)
    {
        var m = spectrum.M;
        if (spectrum.FrameVectors is { } u)
        {
            var product = squares.AsSpan(0, m * count);
            kernels.GemmTransposeA(m, count, m, u, frame.Weights.AsSpan(start * m, m * count), product);
            for (var x = 0; x < product.Length; x++)
            {
                product[x] *= product[x];
            }

            return;
        }

        Array.Clear(squares);
        var v = spectrum.GramVectors!;
        var n = frame.N;
        for (var k = 0; k < n; k++)
        {
            var lambda = spectrum.Eigenvalues[k];
            for (var j = 0; j < count; j++)
            {
                var entry = v[start + j + ((long)k * n)];
                squares[k + ((long)j * m)] = lambda * entry * entry;
            }
        }
    }
}
