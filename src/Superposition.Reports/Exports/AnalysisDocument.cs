using System.Reflection;
using Superposition.Spectral.Probes;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Exports;

/// <summary>
/// The JSON that <c>analyze --json</c> (and <c>audit --json</c>) writes: one flat entry per layer with the fields
/// scripts look for first, and the full nested results beside them. camelCase via the shared serializer options.
/// </summary>
public sealed record AnalysisDocument(
    ToolIdentity Tool,
    string Backend,
    ModelIdentity Model,
    IReadOnlyList<LayerDocument> Layers,
    IReadOnlyList<SkippedLayer> Skipped,
    double Seconds,
    ProbeReport? Probe)
{
    /// <summary>Weight matrices whose analysis failed, each with its failure family and reason (a partial result).</summary>
    public IReadOnlyList<FailedLayer> Failed { get; init; } = [];

    public static AnalysisDocument From(ModelAnalysis analysis, bool perFeature, ProbeReport? probe = null) => new(
        ToolIdentity.Current,
        analysis.Backend,
        analysis.Model,
        analysis.Layers.Select(l => LayerDocument.From(l, perFeature)).ToList(),
        analysis.Skipped,
        analysis.Seconds,
        probe)
    {
        Failed = analysis.Failed,
    };
}

/// <summary>Name and version of the tool that wrote a file.</summary>
public sealed record ToolIdentity(string Name, string Version)
{
    public static ToolIdentity Current { get; } = new("superposition",
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}

/// <summary>One layer in the JSON export.</summary>
public sealed record LayerDocument(
    string Name,
    string Tensor,
    string Op,
    string Layer,
    IReadOnlyList<long> Shape,
    string Dtype,
    string Orientation,
    string OrientationDescription,
    int Features,
    int Hidden,
    string? Decoding,
    IReadOnlyList<string> Notes,
    IReadOnlyList<double> Eigenvalues,
    int Rank,
    double SumD,
    double CapacityRatio,
    double DimsPerFeature,
    double Tightness,
    double FramePotential,
    LocalizationResult Localization,
    CoherenceResult Coherence,
    HeavyTailResult Esd,
    GeometryDocument Geometry,
    CapacityResult Capacity,
    IReadOnlyList<EigenspaceSummary> Eigenspaces,
    IReadOnlyList<double> BinEdges,
    int DeadFeatures,
    double Seconds,
    PerFeatureDocument? PerFeature)
{
    /// <summary>Scale-free D* = m · mean ‖w_i‖² / ‖W‖_F² (= m/n), beside the raw <see cref="DimsPerFeature"/>.</summary>
    public double DimsPerFeatureScaleFree { get; init; }

    /// <summary>The eigenspace grouping used.</summary>
    public EigenspaceGroupingResult? Grouping { get; init; }

    /// <summary>Localized share under gap grouping and fixed tolerances; null when switched off.</summary>
    public IReadOnlyList<GroupingSensitivityRow>? GroupingSensitivity { get; init; }

    /// <summary>WeightWatcher's per-slice conv statistics (--conv-slices), else null.</summary>
    public ConvSliceResult? ConvSlices { get; init; }

    public static LayerDocument From(LayerAnalysis layer, bool perFeature)
    {
        var a = layer.Analysis;
        return new LayerDocument(
            layer.Name, layer.Tensor, layer.Op, layer.Layer, layer.Shape, layer.Dtype, layer.Orientation, layer.OrientationDescription,
            layer.Features, layer.Hidden, layer.Decoding, layer.Notes,
            a.Spectrum.Eigenvalues, a.Spectrum.Rank, a.Capacity.SumDimensionality, a.Capacity.CapacityRatio, a.Capacity.DimensionsPerFeature,
            a.Geometry.Tightness, a.Geometry.FramePotential, a.Localization, a.Coherence, a.HeavyTail,
            new GeometryDocument(a.Geometry, a.Polytopes), a.Capacity, a.Spectrum.Eigenspaces, a.Spectrum.BinEdges, a.DeadFeatures.Count,
            layer.Seconds, perFeature && a.PerFeature is { } p ? PerFeatureDocument.From(p, a.FeatureCount) : null)
        {
            DimsPerFeatureScaleFree = a.Capacity.DimensionsPerFeatureScaleFree,
            Grouping = a.Grouping,
            GroupingSensitivity = a.GroupingSensitivity,
            ConvSlices = layer.ConvSlices,
        };
    }
}

/// <summary>Frame geometry and the polytope classification of localized clusters.</summary>
public sealed record GeometryDocument(FrameGeometryResult Frame, PolytopeResult Polytopes);

/// <summary>Per-feature arrays in feature order (length n; null at dead features).</summary>
public sealed record PerFeatureDocument(
    IReadOnlyList<double?> D,
    IReadOnlyList<double?> Q,
    IReadOnlyList<double?> Kappa,
    IReadOnlyList<double?> Leverage,
    IReadOnlyList<double?> Norm)
{
    public static PerFeatureDocument From(PerFeatureMeasures measures, int featureCount)
    {
        double?[] Spread(IReadOnlyList<double> live)
        {
            var full = new double?[featureCount];
            for (int j = 0; j < measures.FeatureIndex.Count; j++) full[measures.FeatureIndex[j]] = live[j];
            return full;
        }

        var norm = Spread(measures.Norm);
        for (int i = 0; i < featureCount; i++) norm[i] ??= 0.0; // dead features have a (tiny) norm, not an undefined one
        return new PerFeatureDocument(Spread(measures.Dimensionality), Spread(measures.Q), Spread(measures.Kappa), Spread(measures.Leverage), norm);
    }
}
