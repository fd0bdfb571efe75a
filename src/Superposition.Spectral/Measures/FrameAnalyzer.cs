using Superposition.Spectral.Frames;
using Superposition.Spectral.Geometry;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Measures;

/// <summary>
/// Computes every measure of MATH.md sections 1-4 for one frame. Cost O(n m²) (one Syrk, one m × m eigensolve, one
/// blocked Uᵀ W pass, one thin SVD; with n &lt; m the n × n Gram side instead) plus the pairwise coherence pass, which is O(n² m) up to the exact limit and
/// O(sample · n · m) above it. Deterministic: the same input, options and backend give the same result.
/// </summary>
public static class FrameAnalyzer
{
    /// <summary>Analyzes <paramref name="input"/> with <paramref name="backend"/>; the input is not modified.</summary>
    public static FrameAnalysis Analyze(FrameInput input, AnalysisOptions options, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        input.Validate();
        OptionsValidation.Validate(options);

        var frame = LiveFrame.From(input, options.DeadFeatureNormSquared);
        var spectrum = FrameSpectrum.Compute(backend, frame, options);
        var whitened = Leverage.FoldableGram(backend, frame, spectrum, options.FeatureBlockSize);
        var sensitivity = Geometry.GroupingSensitivity.Foldable(frame, spectrum, options);
        var measures = FeatureMeasures.Compute(backend, frame, spectrum, options.SpectralBins, options.FeatureBlockSize, options.MeasureMapFeatures, whitened, sensitivity);
        var (leverage, leverageMethod) = Leverage.Compute(backend, frame, spectrum, options.FeatureBlockSize, whitened);
        whitened = null;
        LargeArrays.Release(frame);
        var features = FeatureQuantities.From(frame, measures, leverage);
        var coherence = PairwiseCoherence.Compute(backend, frame, options.Coherence);
        LargeArrays.Release(frame);
        var heavyTail = EsdStatistics.Compute(backend, input, spectrum.Eigenvalues, spectrum.Rank, options.HeavyTail);
        LargeArrays.Release(frame);

        return new FrameAnalysis(
            input.Name,
            backend.Name,
            input.HiddenDimensions,
            input.FeatureCount,
            frame.N,
            frame.Dead,
            ResultBuilder.Spectrum(spectrum, measures, options.LocalizedThreshold),
            ResultBuilder.Localization(spectrum, measures, options.LocalizedThreshold),
            ResultBuilder.Capacity(frame, spectrum, features, leverageMethod) with { DimensionsPerFeatureScaleFree = ScaleFree.DimensionsPerFeature(frame) },
            ResultBuilder.Geometry(spectrum),
            coherence,
            heavyTail,
            LocalizedClusters.Compute(backend, frame, spectrum, measures, options),
            options.PerFeature ? ResultBuilder.PerFeature(frame, measures, features) : null,
            options)
        {
            MeasureMap = MeasureMap.From(frame, measures),
            Grouping = spectrum.GroupingReport,
            GroupingSensitivity = options.GroupingSensitivity ? sensitivity?.Rows() ?? Geometry.GroupingSensitivity.Compute(backend, frame, spectrum, options) : null,
        };
    }
}
