using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>One frame measure in both models. <see cref="Change"/> is B − A; null where either side has no value.</summary>
public sealed record MeasureChange(string Name, double? A, double? B)
{
    public double? Change => A is double a && B is double b ? b - a : null;
}

/// <summary>The principal angles between the top-k eigenspaces of the two frame operators, in degrees, ascending.</summary>
public sealed record SubspaceAngles(int K, IReadOnlyList<double> Degrees)
{
    /// <summary>The largest angle: 0 when the eigenspaces coincide, 90 when some direction of one is orthogonal to the other.</summary>
    public double Largest => Degrees.Count == 0 ? 0 : Degrees[^1];
}

/// <summary>Per-feature drift of the dimensionality D_i between the two frames, features paired by index.</summary>
/// <param name="Changes">D_i(B) − D_i(A) for every feature live in both.</param>
/// <param name="MeanAbsolute">Mean |ΔD_i|.</param>
/// <param name="MaxAbsolute">Largest |ΔD_i|.</param>
/// <param name="MostMoved">The features that moved most: (index, D_i in A, D_i in B), largest |ΔD_i| first.</param>
public sealed record FeatureDrift(IReadOnlyList<double> Changes, double MeanAbsolute, double MaxAbsolute, IReadOnlyList<(int Feature, double A, double B)> MostMoved);

/// <summary>How one layer changed from model A to model B.</summary>
/// <param name="Name">The layer's name in A.</param>
/// <param name="NameB">Its name in B (the same when paired by name).</param>
/// <param name="PairedBy">"name", or "role and shape" when the names differ.</param>
/// <param name="A">The layer's analysis in model A.</param>
/// <param name="B">The layer's analysis in model B.</param>
/// <param name="RelativeFrobeniusChange">‖W_B − W_A‖_F / ‖W_A‖_F; null when the shapes differ.</param>
/// <param name="DifferenceStableRank">‖W_B − W_A‖_F² / ‖W_B − W_A‖_2²; null when the shapes differ or the frames are equal.</param>
/// <param name="Measures">Every frame measure in A and B.</param>
/// <param name="Angles">Principal angles for k = 1, 4, 16, 64 and the rank (those k not above the rank of either).</param>
/// <param name="Drift">Per-feature D_i drift; null when the feature counts differ or per-feature measures are missing.</param>
/// <param name="Quantized">B's weights are stored quantized (the loader decoded them) and A's are not.</param>
public sealed record LayerDiff(
    string Name,
    string NameB,
    string PairedBy,
    LayerAnalysis A,
    LayerAnalysis B,
    double? RelativeFrobeniusChange,
    double? DifferenceStableRank,
    IReadOnlyList<MeasureChange> Measures,
    IReadOnlyList<SubspaceAngles> Angles,
    FeatureDrift? Drift,
    bool Quantized)
{
    /// <summary>Per-feature W₁ drift of the spectral measure; null when the feature counts differ.</summary>
    public SpectralMeasureDrift? SpectralMeasureDrift { get; init; }

    /// <summary>Whether the localized clusters and their polytopes are the same in B; null when the feature counts differ.</summary>
    public GeometrySurvival? Geometry { get; init; }

    /// <summary>The quantization view's noise scale, for quantized B of the same shape; null otherwise or when ΔW = 0.</summary>
    public NoiseReference? NoiseReference { get; init; }

    /// <summary>
    /// How much the layer changed, for ranking: the relative Frobenius change where shapes match, else the sine of
    /// the largest principal angle of the top eigenspace (both 0 for no change).
    /// </summary>
    public double Magnitude => RelativeFrobeniusChange ?? (Angles.Count == 0 ? 0 : Math.Sin(Angles[0].Largest * Math.PI / 180));
}

/// <summary>Two models compared layer by layer.</summary>
public sealed record ModelDiff(ModelAnalysis A, ModelAnalysis B, IReadOnlyList<LayerDiff> Layers, IReadOnlyList<string> UnpairedA, IReadOnlyList<string> UnpairedB)
{
    /// <summary>Paired layers whose comparison needs more than the memory budget (<see cref="DiffCost"/>): not compared, with the reason.</summary>
    public IReadOnlyList<SkippedPair> TooLarge { get; init; } = [];
}

/// <summary>A pair of layers that was not compared, with the reason.</summary>
public sealed record SkippedPair(string Name, string NameB, string Reason);
