using Superposition.Onnx.Graph;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>
/// Compares two analysed models layer by layer (docs/methods.md, "Model diff"): the change of every frame measure,
/// the principal angles between the top-k eigenspaces of the two frame operators, the per-feature drift of D_i, and
/// for equal shapes the relative Frobenius change and the stable rank of the difference.
/// </summary>
public static class ModelDiffer
{
    /// <summary>The eigenspace dimensions compared (the rank is added; those above the rank are left out).</summary>
    public static readonly int[] AngleDimensions = [1, 4, 16, 64];

    /// <summary>How many of the most-moved features each layer lists.</summary>
    public const int MostMovedFeatures = 8;

    public static ModelDiff Compare(OnnxModel modelA, ModelAnalysis a, OnnxModel modelB, ModelAnalysis b, ILinearAlgebraBackend backend, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelA);
        ArgumentNullException.ThrowIfNull(modelB);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= DiffOptions.Default;
        var (pairs, onlyA, onlyB) = LayerPairing.Pair(a.Layers, b.Layers);
        long budget = Math.Min(a.Options.MemoryBudgetBytes, b.Options.MemoryBudgetBytes);
        var layers = new List<LayerDiff>();
        var tooLarge = new List<SkippedPair>();
        foreach (var p in pairs)
        {
            bool noise = options.NoiseReference && p.B.Decoding is not null && p.A.Decoding is null;
            long need = DiffCost.Bytes(p.A, p.B, noise);
            if (need > budget)
            {
                tooLarge.Add(new SkippedPair(p.A.Name, p.B.Name, "comparison not run: " + Fail.LayerTooLarge(p.A.Name, need, budget).Message));
                continue;
            }

            layers.Add(CompareLayer(p.A, Frame(modelA, p.A, a.Options.Orientation), p.B, Frame(modelB, p.B, b.Options.Orientation), p.By, backend, options));
        }

        return new ModelDiff(a, b, layers, onlyA.Select(l => l.Name).ToList(), onlyB.Select(l => l.Name).ToList()) { TooLarge = tooLarge };
    }

    /// <summary>One pair of analysed frames (weights m × n column-major, as analysed).</summary>
    public static LayerDiff CompareLayer(LayerAnalysis a, double[] weightsA, LayerAnalysis b, double[] weightsB, string pairedBy, ILinearAlgebraBackend backend, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= DiffOptions.Default;
        bool sameShape = a.Features == b.Features && a.Hidden == b.Hidden;
        double? relative = null, stableRank = null;
        if (sameShape)
        {
            (relative, stableRank) = DifferenceMeasures(a.Hidden, a.Features, weightsA, weightsB, backend);
        }

        var angles = new List<SubspaceAngles>();
        bool sameFeatures = a.Features == b.Features;
        FrameEigenbasis? basisA = null, basisB = null;
        if (a.Hidden == b.Hidden || sameFeatures)
        {
            basisA = FrameEigenbasis.Of(a.Hidden, a.Features, weightsA, backend);
            basisB = FrameEigenbasis.Of(b.Hidden, b.Features, weightsB, backend);
        }

        if (a.Hidden == b.Hidden)
        {
            int rank = Math.Min(a.Analysis.Spectrum.Rank, b.Analysis.Spectrum.Rank);
            foreach (int k in AngleDimensions.Where(k => k < rank).Append(rank).Where(k => k >= 1).Distinct())
            {
                var radians = PrincipalAngles.Between(a.Hidden, k, basisA!.Top(k), basisB!.Top(k), backend);
                angles.Add(new SubspaceAngles(k, radians.Select(r => r * 180 / Math.PI).ToArray()));
            }
        }

        var measures = Measures(a.Analysis, b.Analysis);
        bool quantized = b.Decoding is not null && a.Decoding is null;
        return new LayerDiff(a.Name, b.Name, pairedBy, a, b, relative, stableRank, measures, angles, Drift(a.Analysis, b.Analysis), quantized)
        {
            SpectralMeasureDrift = sameFeatures ? SpectralMeasureDrift.Of(a, weightsA, basisA!, b, weightsB, basisB!, backend, MostMovedFeatures) : null,
            Geometry = GeometrySurvival.Of(a.Analysis, b.Analysis),
            NoiseReference = quantized && sameShape && options.NoiseReference ? NoiseReference.Of(a.Analysis, weightsA, weightsB, measures, options.NoiseSeed, backend) : null,
        };
    }

    /// <summary>The frame measures whose change is reported, in both analyses.</summary>
    public static IReadOnlyList<MeasureChange> Measures(FrameAnalysis a, FrameAnalysis b)
    {
        static double? Alpha(FrameAnalysis x) => x.HeavyTail.PowerLaw.Succeeded ? x.HeavyTail.PowerLaw.Alpha : null;
        return
        [
            new("ΣD/m", a.Capacity.CapacityRatio, b.Capacity.CapacityRatio),
            new("localized share", a.Localization.OnEigenspaces.LocalizedFraction, b.Localization.OnEigenspaces.LocalizedFraction),
            new("τ", a.Geometry.Tightness, b.Geometry.Tightness),
            new("μ_max", a.Coherence.MaxCoherence, b.Coherence.MaxCoherence),
            new("mean cos²", a.Coherence.MeanSquaredCoherence, b.Coherence.MeanSquaredCoherence),
            new("α", Alpha(a), Alpha(b)),
            new("spikes", a.HeavyTail.MarchenkoPastur.SpikeCount, b.HeavyTail.MarchenkoPastur.SpikeCount),
            new("λ_max", a.Spectrum.LambdaMax, b.Spectrum.LambdaMax),
            new("stable rank", a.HeavyTail.StableRank, b.HeavyTail.StableRank),
            new("localized clusters", a.Polytopes.ClusterCount, b.Polytopes.ClusterCount),
        ];
    }

    /// <summary>‖W_B − W_A‖_F / ‖W_A‖_F and the stable rank ‖Δ‖_F² / ‖Δ‖_2² of the difference (null when Δ = 0).</summary>
    public static (double Relative, double? StableRank) DifferenceMeasures(int m, int n, double[] weightsA, double[] weightsB, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var (delta, normA, normDelta) = WeightDifference.Of(weightsA, weightsB);

        double relative = normA > 0 ? Math.Sqrt(normDelta / normA) : (normDelta > 0 ? double.PositiveInfinity : 0);
        if (normDelta == 0) return (relative, null);
        var gram = new double[m * m];
        backend.Syrk(m, n, delta, gram);
        var values = new double[m];
        backend.SymmetricEigen(m, gram, values, computeVectors: false);
        double spectral = values[^1]; // ‖Δ‖_2² = λ_max(Δ Δᵀ)
        return (relative, spectral > 0 ? normDelta / spectral : null);
    }

    private static FeatureDrift? Drift(FrameAnalysis a, FrameAnalysis b)
    {
        if (a.PerFeature is not { } pa || b.PerFeature is not { } pb || a.FeatureCount != b.FeatureCount) return null;
        var dimensionB = new Dictionary<int, double>();
        for (int i = 0; i < pb.FeatureIndex.Count; i++) dimensionB[pb.FeatureIndex[i]] = pb.Dimensionality[i];
        var moved = new List<(int Feature, double A, double B)>();
        for (int i = 0; i < pa.FeatureIndex.Count; i++)
        {
            if (dimensionB.TryGetValue(pa.FeatureIndex[i], out double db)) moved.Add((pa.FeatureIndex[i], pa.Dimensionality[i], db));
        }

        if (moved.Count == 0) return null;
        var changes = moved.Select(x => x.B - x.A).ToArray();
        var most = moved.OrderByDescending(x => Math.Abs(x.B - x.A)).ThenBy(x => x.Feature).Take(MostMovedFeatures).ToList();
        return new FeatureDrift(changes, changes.Average(Math.Abs), changes.Max(Math.Abs), most);
    }

    private static double[] Frame(OnnxModel model, LayerAnalysis layer, Onnx.Orientation.OrientationChoice orientation)
    {
        var matrix = model.Matrices.FirstOrDefault(m => m.Name == layer.Name)
            ?? throw Fail.Internal($"layer '{layer.Name}' is not a weight matrix of {model.Path}");
        return matrix.ReadFrame(matrix.Orient(orientation).FeatureAxis);
    }
}
