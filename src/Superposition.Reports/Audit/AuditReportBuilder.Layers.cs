using Superposition.Reports.Content;
using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

public static partial class AuditReportBuilder
{
    private static Section LayerSection(LayerAnalysis layer, AuditInput input)
    {
        var a = layer.Analysis;
        var fit = a.HeavyTail.PowerLaw;
        var placement = input.Comparison?.For(layer.Name);
        var blocks = new List<Block>
        {
            new KeyValueList(
            [
                new("weight", $"{layer.Tensor} {Shape(layer.Shape)} {layer.Dtype}, read by {layer.Op} '{layer.Layer}'"),
                new("frame", layer.OrientationDescription),
                new("spectrum", $"rank {a.Spectrum.Rank} of {layer.Hidden}; λ_max {F(a.Spectrum.LambdaMax)}; {a.Spectrum.Eigenspaces.Count} eigenspaces ({a.Grouping?.Method ?? "fixed"} grouping)"),
                new("eigenspace grouping", GroupingLine(a)),
                new("superposition", $"D* = {F(a.Capacity.DimensionsPerFeature)} (raw weights; scale-free {F(a.Capacity.DimensionsPerFeatureScaleFree)}), ΣD = {F(a.Capacity.SumDimensionality)} (ΣD/m = {F(a.Capacity.CapacityRatio)}, ΣD/r = {F(a.Capacity.RankCapacityRatio)}); median D_i {F(a.Capacity.Dimensionality.Median)}"),
                new("capacity identity", $"m − ΣD = {F(a.Capacity.IdentityLeft)}, (m − r) + Σ(ℓ − D) = {F(a.Capacity.IdentityRight)}, residual {F(a.Capacity.IdentityResidual)}"),
                new("localization", $"{a.Localization.OnEigenspaces.LocalizedCount} of {a.LiveFeatureCount} features localized (q ≥ {F(a.Options.LocalizedThreshold)}); median participation ratio {F(a.Localization.OnEigenspaces.ParticipationRatio.Median)} eigenspaces, {F(a.Localization.OnBins.ParticipationRatio.Median)} bins"),
                new("geometry", $"τ = {F(a.Geometry.Tightness)}; frame potential {F(a.Geometry.FramePotential)} (tight bound {F(a.Geometry.FramePotentialLowerBound)}); {a.Polytopes.ClusterCount} localized cluster(s){Templates(layer)}"),
                new("coherence", $"μ_max {F(a.Coherence.MaxCoherence)} (Welch bound {F(a.Coherence.WelchBound)}); mean cos² {F(a.Coherence.MeanSquaredCoherence)} (random 1/m = {F(a.Coherence.RandomMeanSquared)}); {(a.Coherence.Exact ? "all pairs" : $"{a.Coherence.SampledFeatures} sampled features, seed {a.Coherence.SampleSeed}")}"),
                new("heavy tail", fit.Succeeded
                    ? $"α = {F(fit.Alpha)} ± {F(fit.Sigma)} ({a.HeavyTail.Quality}), x_min {F(fit.XMin)}, tail {fit.TailSize}{(fit.LowConfidence ? " (low confidence)" : "")}, D_KS {F(fit.KsDistance)} ({fit.XMinRule} rule); stable rank {F(a.HeavyTail.StableRank)}; {a.HeavyTail.MarchenkoPastur.SpikeCount} spike(s) above the MP edge{HeavyTailNulls(a)}"
                    : $"no power-law fit: {fit.Reason}; stable rank {F(a.HeavyTail.StableRank)}"),
                .. ConvSliceLines(layer),
            ]),
        };
        foreach (string note in layer.Notes) blocks.Add(Callout.FromMarkup(CalloutKind.Note, note));
        if (placement is not null) blocks.Add(Paragraph.FromMarkup(PlacementText.Sentence(placement)));

        blocks.Add(new ChartBlock(LayerCharts.Spectrum(layer), "Eigenvalues of the frame operator in descending order. A tight frame would put all of them on the dashed line.", 0.45));
        blocks.Add(new ChartBlock(LayerCharts.SpectralDensity(layer), "Histogram of the eigenvalues (raw, as WeightWatcher reads them) with the fitted power-law tail and the Marchenko–Pastur edge of a random matrix of the same shape and variance.", 0.45));
        blocks.Add(new ChartBlock(LayerCharts.Dimensionality(layer), "Share of features at each dimensionality; dashed lines mark the fractions toy models settle at.", 0.45));
        if (placement is not null && PhaseDiagram.For(placement, input.Comparison!.TrajectoryOf(placement)) is { } phase)
        {
            blocks.Add(new ChartBlock(phase, $"The layer (red) among toys of {placement.Baseline!.Toy} trained at feature probabilities 1 to 0.01 (blue: one line per training run, the dense end circled), and its shuffled and Gaussian nulls (open circles). c = (mean cos² − Welch²)/(1/m − Welch²): 0 for a tight frame, about 1 for random directions.", 0.45));
        }

        if (LayerCharts.MeasureMap(layer) is { } heatmap)
        {
            var edges = a.Spectrum.BinEdges;
            blocks.Add(new ChartBlock(heatmap, $"Where each feature's weight sits in the spectrum: a localized feature is one bright cell, a spread one a smeared row. Bins run from {F(edges[0])} to {F(edges[^1])}.", 0.6));
        }

        blocks.Add(new ChartBlock(LayerCharts.Localization(layer), "How concentrated each feature's spectral measure is: q = 1 puts all of a feature in one eigenspace.", 0.45));
        blocks.Add(new ChartBlock(LayerCharts.Coherence(layer), "Absolute cosines between features. No frame of this shape can have its largest |cos| below the Welch bound.", 0.45));
        return new Section($"{LayerLabel(layer, input)} ({layer.Features} × {layer.Hidden})", blocks) { Anchor = LayerAnchor(input.Analysis, layer) };
    }

    private static string Templates(LayerAnalysis layer)
    {
        var named = layer.Analysis.Polytopes.Clusters.Where(c => c.Template != "none").Select(c => c.Template).Distinct().ToList();
        return named.Count == 0 ? "" : ": " + string.Join(", ", named.Take(6));
    }

    private static string Shape(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";
}
