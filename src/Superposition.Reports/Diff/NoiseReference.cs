using Superposition.Reports.Baselines;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;

namespace Superposition.Reports.Diff;

/// <summary>One frame measure's change under the quantization and under noise of the same size.</summary>
/// <param name="Name">The measure (as in <see cref="ModelDiffer.Measures"/>).</param>
/// <param name="Change">B − A: what the quantization moved.</param>
/// <param name="NoiseChange">(A + N) − A, N seeded Gaussian with ‖N‖_F = ‖W_B − W_A‖_F.</param>
public sealed record QuantizationMeasure(string Name, double? Change, double? NoiseChange)
{
    /// <summary>|Change| / |NoiseChange|: above 1 the quantization moved the measure more than unstructured noise of its size; null when either is undefined or the noise moved nothing.</summary>
    public double? RatioToNoise => Change is double c && NoiseChange is double z && z != 0 ? Math.Abs(c) / Math.Abs(z) : null;
}

/// <summary>
/// The quantization view of one layer (docs/methods.md, "Quantization view"): each measure's change beside the change
/// that a seeded Gaussian perturbation of the same Frobenius size causes, and whether the localized clusters survived
/// the quantization and would survive that noise.
/// </summary>
/// <param name="Seed">Seed of the Gaussian perturbation.</param>
/// <param name="RelativeSize">‖N‖_F / ‖W_A‖_F (= the layer's ‖ΔW‖/‖W‖).</param>
/// <param name="Measures">Every measure: the quantization's change and the noise's.</param>
/// <param name="NoiseGeometry">Geometry survival of A against A + N.</param>
public sealed record NoiseReference(int Seed, double RelativeSize, IReadOnlyList<QuantizationMeasure> Measures, GeometrySurvival? NoiseGeometry)
{
    /// <summary>
    /// Analyses A + N with A's options (the grouping-sensitivity table and the shuffle null, which no compared measure
    /// uses, are off) and pairs each measure's change with the quantization's. Null when the quantization changed
    /// nothing (no size to match).
    /// </summary>
    public static NoiseReference? Of(FrameAnalysis a, double[] weightsA, double[] weightsB, IReadOnlyList<MeasureChange> quantization, int seed, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(quantization);
        var (delta, normA, normDelta) = WeightDifference.Of(weightsA, weightsB);

        if (!(normDelta > 0) || !(normA > 0)) return null;
        var noise = NullModels.Gaussian(delta, seed);
        for (int i = 0; i < noise.Length; i++) noise[i] += weightsA[i];
        var options = a.Options with { GroupingSensitivity = false, HeavyTail = a.Options.HeavyTail with { ShuffleNull = false } };
        var noisy = FrameAnalyzer.Analyze(new FrameInput(a.Name + " + noise", a.HiddenDimensions, a.FeatureCount, noise), options, backend);
        var noiseChanges = ModelDiffer.Measures(a, noisy).ToDictionary(m => m.Name, m => m.Change, StringComparer.Ordinal);
        var measures = quantization.Select(q => new QuantizationMeasure(q.Name, q.Change, noiseChanges.GetValueOrDefault(q.Name))).ToList();
        return new NoiseReference(seed, Math.Sqrt(normDelta / normA), measures, GeometrySurvival.Of(a, noisy));
    }
}
