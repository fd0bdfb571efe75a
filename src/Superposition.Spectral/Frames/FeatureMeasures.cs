using System.Runtime.Intrinsics;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Frames;

/// <summary>
/// Per-feature spectral measure (MATH.md section 1) in one blocked pass: the projections u_kᵀ w_i of a block give
/// p_ik = C_ki² / ‖w_i‖². Only per-feature scalars and per-cell totals are kept, never the n × cells measure.
/// </summary>
internal sealed class FeatureMeasures
{
    private FeatureMeasures(int n, int groups, int bins)
    {
        Kappa = new double[n];
        Spread = new double[n];
        NullMass = new double[n];
        Q = new double[n];
        Entropy = new double[n];
        ParticipationRatio = new double[n];
        Dominant = new int[n];
        QBinned = new double[n];
        EntropyBinned = new double[n];
        ParticipationRatioBinned = new double[n];
        GroupMass = new double[groups];
        BinMass = new double[bins];
    }

    public double[] Kappa { get; }

    public double[] Spread { get; }

    public double[] NullMass { get; }

    public double[] Q { get; }

    public double[] Entropy { get; }

    public double[] ParticipationRatio { get; }

    /// <summary>Eigenspace holding the largest mass of each feature.</summary>
    public int[] Dominant { get; }

    public double[] QBinned { get; }

    public double[] EntropyBinned { get; }

    public double[] ParticipationRatioBinned { get; }

    /// <summary>Σ_i μ_i per eigenspace.</summary>
    public double[] GroupMass { get; }

    /// <summary>Σ_i μ_i per bin (null-space mass excluded).</summary>
    public double[] BinMass { get; }

    /// <summary>The binned measure μ_i(B_b) of the features sampled for the measure map, by feature (live numbering).</summary>
    public Dictionary<int, double[]> MapRows { get; } = [];

    /// <summary>Evenly spaced live features (all when there are at most <paramref name="count"/>): deterministic, no seed needed.</summary>
    public static HashSet<int> MapSample(int n, int count) =>
        count <= 0 ? [] : Enumerable.Range(0, Math.Min(n, count)).Select(j => (int)((long)j * n / Math.Min(n, count))).ToHashSet();

    /// <summary>
    /// The measures of every live feature from blocks of projections Uᵀ W_b; each block is then given to
    /// <paramref name="reader"/> and, when <paramref name="whitened"/> is given, added into the leverage's whitened
    /// Gram (which scales it in place, so last).
    /// </summary>
    public static FeatureMeasures Compute(ILinearAlgebraBackend backend, LiveFrame frame, FrameSpectrum spectrum, int bins, int blockSize, int mapFeatures = 0, WhitenedGram? whitened = null, IProjectionReader? reader = null)
    {
        var sample = MapSample(frame.N, mapFeatures);
        var m = frame.M;
        var n = frame.N;
        var groupCount = spectrum.Groups.Length;
        var result = new FeatureMeasures(n, groupCount, bins);
        var groupMu = new double[groupCount];
        var binMu = new double[bins + 1]; // last cell: the null space
        var kernels = BlockKernels.For(backend);
        var c = new double[(long)m * Math.Min(blockSize, n)]; // one buffer for every block
        var groupMu4 = new double[4][];
        var binMu4 = new double[4][];
        for (var e = 0; e < 4; e++) (groupMu4[e], binMu4[e]) = (new double[groupCount], new double[bins + 1]);
        for (var start = 0; start < n; start += blockSize)
        {
            var count = Math.Min(blockSize, n - start);
            spectrum.Projections(kernels, frame, start, count, c);
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 4 <= count; j += 4)
                {
                    var (first, variance) = Masses4(spectrum, c, m, j, frame.NormSquared.AsSpan(start + j, 4), groupMu4, binMu4);
                    for (var e = 0; e < 4; e++)
                    {
                        result.Finish(start + j + e, frame.NormSquared[start + j + e], first.GetElement(e), variance.GetElement(e), groupMu4[e], binMu4[e]);
                        if (sample.Contains(start + j + e)) result.MapRows[start + j + e] = binMu4[e][..bins];
                    }
                }
            }

            for (; j < count; j++)
            {
                result.Measure(spectrum, c.AsSpan(j * m, m), frame.NormSquared[start + j], start + j, groupMu, binMu);
                if (sample.Contains(start + j)) result.MapRows[start + j] = binMu[..bins];
            }

            reader?.Read(c.AsSpan(0, m * count), start, count);
            whitened?.Add(kernels, c.AsSpan(0, m * count), start, count);
        }

        return result;
    }

    private void Measure(FrameSpectrum spectrum, ReadOnlySpan<double> projections, double normSquared, int i, double[] groupMu, double[] binMu)
    {
        Array.Clear(binMu);
        var nullCell = binMu.Length - 1;
        var eigenvalues = spectrum.Eigenvalues;
        var groups = spectrum.Groups;
        double first = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            // An eigenspace is a contiguous run of k with one bin: its mass and its bin's are summed in registers, the
            // same additions in the same order as accumulating p into both cells entry by entry.
            var (start, end) = (groups[g].Start, groups[g].Start + groups[g].Count);
            var bin = spectrum.BinOf[start];
            var cell = bin < 0 ? nullCell : bin;
            double mass = 0;
            var binned = binMu[cell];
            for (var k = start; k < end; k++)
            {
                var p = projections[k] * projections[k] / normSquared;
                first += eigenvalues[k] * p;
                mass += p;
                binned += p;
            }

            groupMu[g] = mass;
            binMu[cell] = binned;
        }

        // Two-pass variance Σ p (λ − κ)²: the one-pass Σ λ² p − κ² cancels to ~1e-8 λ on flat spectra.
        double variance = 0;
        for (var k = 0; k < projections.Length; k++)
        {
            var deviation = spectrum.Eigenvalues[k] - first;
            variance += deviation * deviation * projections[k] * projections[k] / normSquared;
        }

        Finish(i, normSquared, first, variance, groupMu, binMu);
    }

    /// <summary>
    /// <see cref="Measure"/>'s sums for four features at once (columns j … j + 3 of the block), one feature per vector
    /// lane: each lane makes its feature's additions in <see cref="Measure"/>'s order with the same operations
    /// (divisions and products are correctly rounded lane by lane), so the same bits; the four chains of additions
    /// and the divisions overlap instead of waiting on one another. Returns first moments and variances by lane.
    /// </summary>
    private static (Vector256<double> First, Vector256<double> Variance) Masses4(FrameSpectrum spectrum, double[] c, int m, int j, ReadOnlySpan<double> norms, double[][] groupMu, double[][] binMu)
    {
        foreach (var cells in binMu) Array.Clear(cells);
        var nullCell = binMu[0].Length - 1;
        var eigenvalues = spectrum.Eigenvalues;
        var groups = spectrum.Groups;
        var c0 = c.AsSpan(j * m, m);
        var c1 = c.AsSpan((j + 1) * m, m);
        var c2 = c.AsSpan((j + 2) * m, m);
        var c3 = c.AsSpan((j + 3) * m, m);
        var norm = Vector256.Create(norms[0], norms[1], norms[2], norms[3]);
        var first = Vector256<double>.Zero;
        for (var g = 0; g < groups.Length; g++)
        {
            var (start, end) = (groups[g].Start, groups[g].Start + groups[g].Count);
            var bin = spectrum.BinOf[start];
            var cell = bin < 0 ? nullCell : bin;
            var mass = Vector256<double>.Zero;
            var binned = Vector256.Create(binMu[0][cell], binMu[1][cell], binMu[2][cell], binMu[3][cell]);
            for (var k = start; k < end; k++)
            {
                var projection = Vector256.Create(c0[k], c1[k], c2[k], c3[k]);
                var p = projection * projection / norm;
                first += Vector256.Create(eigenvalues[k]) * p;
                mass += p;
                binned += p;
            }

            for (var e = 0; e < 4; e++)
            {
                groupMu[e][g] = mass.GetElement(e);
                binMu[e][cell] = binned.GetElement(e);
            }
        }

        var variance = Vector256<double>.Zero;
        for (var k = 0; k < m; k++)
        {
            var projection = Vector256.Create(c0[k], c1[k], c2[k], c3[k]);
            var deviation = Vector256.Create(eigenvalues[k]) - first;
            variance += deviation * deviation * projection * projection / norm;
        }

        return (first, variance);
    }

    /// <summary>The per-feature outputs of feature <paramref name="i"/> from its sums, and its masses into the totals (in feature order).</summary>
    private void Finish(int i, double normSquared, double first, double variance, double[] groupMu, double[] binMu)
    {
        var nullCell = binMu.Length - 1;

        // κ_i ≥ ‖w_i‖² exactly (the j = i term of Σ_j (w_i·w_j)²); for a tiny feature the eigenvalues' absolute
        // rounding (ε λ_max) can push it below, so clamp: D_i stays ≤ 1 and finite.
        Kappa[i] = Math.Max(first, normSquared);
        Spread[i] = Math.Sqrt(variance);
        NullMass[i] = binMu[nullCell];
        (Q[i], Entropy[i], ParticipationRatio[i], Dominant[i]) = Scores(groupMu);
        (QBinned[i], EntropyBinned[i], ParticipationRatioBinned[i], _) = Scores(binMu);
        for (var g = 0; g < groupMu.Length; g++)
        {
            GroupMass[g] += groupMu[g];
        }

        for (var b = 0; b < BinMass.Length; b++)
        {
            BinMass[b] += binMu[b];
        }
    }

    /// <summary>q = max μ, H = −Σ μ ln μ, PR = 1/Σ μ², and the arg max.</summary>
    internal static (double Q, double Entropy, double ParticipationRatio, int ArgMax) Scores(ReadOnlySpan<double> mu)
    {
        double q = -1;
        var argMax = 0;
        double entropy = 0;
        double squares = 0;
        for (var k = 0; k < mu.Length; k++)
        {
            var v = mu[k];
            if (v > q)
            {
                q = v;
                argMax = k;
            }

            if (v > 0)
            {
                entropy -= v * Math.Log(v);
            }

            squares += v * v;
        }

        // Rounding can push a Dirac's entropy a hair below zero.
        return (q, Math.Max(0.0, entropy), squares > 0 ? 1.0 / squares : 0.0, argMax);
    }
}
