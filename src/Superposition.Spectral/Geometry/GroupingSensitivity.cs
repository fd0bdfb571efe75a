using Superposition.Spectral.Measures;
using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Geometry;

/// <summary>
/// How the localized share depends on the eigenspace grouping: q_i = max over eigenspaces of ‖P_λ w_i‖²/‖w_i‖² recomputed
/// under gap grouping and under fixed tolerances (MATH.md section 3). One tally over the blocks of u_kᵀ w_i: on the F
/// route it reads the blocks the per-feature measures compute anyway (<see cref="FeatureMeasures.Compute"/>), so it
/// costs no Gemm of its own; every grouping reads the same squares.
/// </summary>
internal sealed class GroupingSensitivity : IProjectionTally
{
    private readonly List<Grouping> _groupings = [];
    private readonly int[] _localized;
    private readonly double[] _squares;
    private readonly double _threshold;

    /// <summary>The groupings of the table for <paramref name="spectrum"/>; blocks are then given to <see cref="Add"/>.</summary>
    public GroupingSensitivity(FrameSpectrum spectrum, AnalysisOptions options)
    {
        var values = spectrum.Eigenvalues;
        var rank = spectrum.Rank;
        var gapsUsed = options.Grouping == EigenspaceGrouping.Gaps;
        AddGrouping("gaps", options.EigenspaceTolerance,
            FrameSpectrum.GroupByGaps(values, rank, options.EigenspaceTolerance * values[0], options.GapRatio, options.MaxGroupSpread).Groups, gapsUsed);
        var fixedTolerances = Tolerances.Append(options.EigenspaceTolerance).Distinct().Order();
        foreach (var tolerance in fixedTolerances)
        {
            AddGrouping("fixed", tolerance, FrameSpectrum.Group(values, rank, tolerance * values[0]).Groups, !gapsUsed && tolerance == options.EigenspaceTolerance);
        }

        _localized = new int[_groupings.Count];
        _squares = new double[spectrum.M];
        _threshold = options.LocalizedThreshold;
    }

    /// <summary>The fixed tolerances (shares of λ_max) of the table, beside gap grouping.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1];

    /// <summary>The table from a pass of its own over the frame (the Gram route, where the measures' blocks are σ_k V_ik, not λ_k V_ik²).</summary>
    public static IReadOnlyList<GroupingSensitivityRow> Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, AnalysisOptions options)
    {
        var table = new GroupingSensitivity(spectrum, options);
        var m = spectrum.M;
        var block = Math.Max(1, Math.Min(options.FeatureBlockSize, frame.N));
        var squares = new double[(long)m * block];
        var kernels = BlockKernels.For(backend);
        for (var start = 0; start < frame.N; start += block)
        {
            var count = Math.Min(block, frame.N - start);
            SquaredProjections(kernels, frame, spectrum, start, count, squares);
            for (var j = 0; j < count; j++) table.Tally(squares.AsSpan(j * m, m), frame.NormSquared[start + j]);
        }

        return table.Rows(frame.N);
    }

    /// <inheritdoc/>
    public void Add(ReadOnlySpan<double> projections, ReadOnlySpan<double> normSquared)
    {
        var m = _squares.Length;
        for (var j = 0; j < normSquared.Length; j++)
        {
            var column = projections.Slice(j * m, m);
            for (var k = 0; k < m; k++) _squares[k] = column[k] * column[k];
            Tally(_squares, normSquared[j]);
        }
    }

    /// <summary>The rows of the table over <paramref name="features"/> live features.</summary>
    public IReadOnlyList<GroupingSensitivityRow> Rows(int features) =>
        _groupings
            .Select((g, i) => new GroupingSensitivityRow(g.Name, g.Tolerance, g.Positive, _localized[i], (double)_localized[i] / features, g.Used))
            .ToList();

    /// <summary>
    /// One feature: the mass of each eigenspace is the sum of its (contiguous) squares in index order, the same sums a
    /// per-cell accumulator over k would form; its largest over ‖w_i‖² against the threshold. The weights are finite
    /// (<see cref="FrameInput.Validate"/>), so the sums are never NaN and a plain comparison takes the maximum.
    /// </summary>
    private void Tally(ReadOnlySpan<double> squares, double norm)
    {
        for (var g = 0; g < _groupings.Count; g++)
        {
            var ends = _groupings[g].Ends;
            var largest = double.NegativeInfinity;
            var k = 0;
            foreach (var end in ends)
            {
                double sum = 0;
                for (; k < end; k++) sum += squares[k];
                if (sum > largest) largest = sum;
            }

            if (largest / norm >= _threshold) _localized[g]++;
        }
    }

    private void AddGrouping(string name, double tolerance, EigenGroup[] groups, bool used) =>
        _groupings.Add(new Grouping(name, tolerance, [.. groups.Select(x => x.Start + x.Count)], groups.Count(x => !x.IsNull), used));

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

    /// <summary>One grouping of the table: where each of its eigenspaces ends (contiguous index ranges covering 0 … m − 1, in order) and how it is labelled.</summary>
    private sealed record Grouping(string Name, double Tolerance, int[] Ends, int Positive, bool Used);
}
