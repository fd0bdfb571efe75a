namespace Superposition.Spectral.Measures;

/// <summary>Rejects option values that would make a measure undefined, before any work is done.</summary>
internal static partial class OptionsValidation
{
    public static void Validate(AnalysisOptions o)
    {
        Positive(nameof(o.EigenspaceTolerance), o.EigenspaceTolerance);
        Positive(nameof(o.ZeroEigenvalueTolerance), o.ZeroEigenvalueTolerance);
        ValidateSpectralDepth(o);
        if (!(o.DeadFeatureNormSquared >= 0))
        {
            throw Fail.InvalidArgument(nameof(o.DeadFeatureNormSquared), o.DeadFeatureNormSquared, "a number >= 0");
        }

        if (!(o.LocalizedThreshold is > 0 and <= 1))
        {
            throw Fail.InvalidArgument(nameof(o.LocalizedThreshold), o.LocalizedThreshold, "a number in (0, 1]");
        }

        AtLeast(nameof(o.SpectralBins), o.SpectralBins, 1);
        AtLeast(nameof(o.MeasureMapFeatures), o.MeasureMapFeatures, 0);
        AtLeast(nameof(o.FeatureBlockSize), o.FeatureBlockSize, 1);
        ArgumentNullException.ThrowIfNull(o.Coherence);
        AtLeast("Coherence.ExactFeatureLimit", o.Coherence.ExactFeatureLimit, 2);
        AtLeast("Coherence.SampleSize", o.Coherence.SampleSize, 1);
        AtLeast("Coherence.HistogramBins", o.Coherence.HistogramBins, 1);
        AtLeast("Coherence.BlockSize", o.Coherence.BlockSize, 1);
        AtLeast("Coherence.MaxReportedClusters", o.Coherence.MaxReportedClusters, 0);
        if (!(o.Coherence.DuplicateThreshold is > 0 and <= 1))
        {
            throw Fail.InvalidArgument("Coherence.DuplicateThreshold", o.Coherence.DuplicateThreshold, "a number in (0, 1]");
        }

        ArgumentNullException.ThrowIfNull(o.HeavyTail);
        if (!(o.HeavyTail.EigenvalueFloor >= 0))
        {
            throw Fail.InvalidArgument("HeavyTail.EigenvalueFloor", o.HeavyTail.EigenvalueFloor, "a number >= 0");
        }

        AtLeast("HeavyTail.MinTailSize", o.HeavyTail.MinTailSize, 2);
        AtLeast("HeavyTail.NullSinglePrecisionAbove", o.HeavyTail.NullSinglePrecisionAbove, 0);
        ArgumentNullException.ThrowIfNull(o.Polytopes);
        Positive("Polytopes.CosineTolerance", o.Polytopes.CosineTolerance);
        AtLeast("Polytopes.MaxClusterSize", o.Polytopes.MaxClusterSize, 2);
        AtLeast("Polytopes.MaxReportedClusters", o.Polytopes.MaxReportedClusters, 0);
    }

    private static void Positive(string name, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw Fail.InvalidArgument(name, value, "a finite number > 0");
        }
    }

    private static void AtLeast(string name, int value, int minimum)
    {
        if (value < minimum)
        {
            throw Fail.InvalidArgument(name, value, $"an integer >= {minimum}");
        }
    }
}
