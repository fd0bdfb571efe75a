namespace Superposition.Reports.Diff;

/// <summary>The <c>diff --json</c> file: <c>{"modelA", "modelB", "layers": [...], "unpairedA", "unpairedB"}</c>.</summary>
public sealed record DiffDocument(string ModelA, string ModelB, IReadOnlyList<DiffDocument.Layer> Layers, IReadOnlyList<string> UnpairedA, IReadOnlyList<string> UnpairedB)
{
    public static DiffDocument From(ModelDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new DiffDocument(diff.A.Model.File, diff.B.Model.File, diff.Layers.Select(From).ToList(), diff.UnpairedA, diff.UnpairedB) { TooLarge = diff.TooLarge };
    }

    /// <summary>Pairs not compared because the comparison needs more than the memory budget, with the reason.</summary>
    public IReadOnlyList<SkippedPair> TooLarge { get; init; } = [];

    private static Layer From(LayerDiff l) => new(
        l.Name,
        l.NameB,
        l.PairedBy,
        l.A.Features,
        l.A.Hidden,
        l.B.Features,
        l.B.Hidden,
        l.Quantized,
        l.RelativeFrobeniusChange,
        l.DifferenceStableRank,
        l.Measures.Select(m => new Measure(m.Name, m.A, m.B, m.Change)).ToList(),
        l.Angles.Select(a => new Angles(a.K, a.Degrees, a.Largest)).ToList(),
        l.Drift is { } d ? new Drift(d.MeanAbsolute, d.MaxAbsolute, d.MostMoved.Select(x => new MovedFeature(x.Feature, x.A, x.B)).ToList()) : null)
    {
        SpectralMeasureDrift = l.SpectralMeasureDrift is { } s ? new MeasureDrift(s.Mean, s.Max, s.Floor, s.Distances.Count, s.Excluded, DriftHistogram.Of(s.Distances, 0), s.MostMoved) : null,
        Geometry = l.Geometry,
        Quantization = l.Quantized ? new Quantization(l.B.Decoding!, l.NoiseReference) : null,
    };

    /// <summary>One pair of layers.</summary>
    public sealed record Layer(
        string Name,
        string NameB,
        string PairedBy,
        int Features,
        int Hidden,
        int FeaturesB,
        int HiddenB,
        bool Quantized,
        double? RelativeFrobeniusChange,
        double? DifferenceStableRank,
        IReadOnlyList<Measure> Measures,
        IReadOnlyList<Angles> PrincipalAngles,
        Drift? DimensionalityDrift)
    {
        /// <summary>Per-feature W₁ drift of the spectral measure on the ln λ axis.</summary>
        public MeasureDrift? SpectralMeasureDrift { get; init; }

        /// <summary>Whether the localized clusters and their polytopes survived.</summary>
        public GeometrySurvival? Geometry { get; init; }

        /// <summary>The quantization view, when B is quantized and A is not.</summary>
        public Quantization? Quantization { get; init; }
    }

    /// <summary>A frame measure in A and B, and B − A.</summary>
    public sealed record Measure(string Name, double? A, double? B, double? Change);

    /// <summary>Principal angles (degrees, ascending) between the top-k eigenspaces.</summary>
    public sealed record Angles(int K, IReadOnlyList<double> Degrees, double Largest);

    /// <summary>Per-feature drift of D_i.</summary>
    public sealed record Drift(double MeanAbsolute, double MaxAbsolute, IReadOnlyList<MovedFeature> MostMoved);

    public sealed record MovedFeature(int Feature, double A, double B);

    /// <summary>Per-feature W₁ between the spectral measures (nats of ln λ): summary, histogram, the features that moved most.</summary>
    public sealed record MeasureDrift(double Mean, double Max, double Floor, int Compared, int Excluded, DriftHistogram Histogram, IReadOnlyList<MovedMeasure> MostMoved);

    /// <summary>B's decoding as the loader recorded it, and the noise reference of the same Frobenius size.</summary>
    public sealed record Quantization(string Decoding, NoiseReference? NoiseReference);
}
