using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Audit;

/// <summary>WeightWatcher's quality bands of the power-law exponent α, read from the analysis in one place.</summary>
internal enum QualityBand
{
    /// <summary>No power-law fit.</summary>
    NoFit,

    /// <summary>α below the over-fit bound (2 by default).</summary>
    OverFit,

    /// <summary>α inside the band.</summary>
    Typical,

    /// <summary>α above the under-trained bound (6 by default).</summary>
    UnderTrained,

    /// <summary>A fixed, non-learned transform: not graded.</summary>
    FixedTransform,
}

internal static class QualityBands
{
    /// <summary>The band the Spectral analysis assigned (its label strings are defined there, EsdStatistics).</summary>
    public static QualityBand Of(LayerAnalysis layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.Analysis.HeavyTail.Quality switch
        {
            "over-fit" => QualityBand.OverFit,
            "under-trained" => QualityBand.UnderTrained,
            "typical" => QualityBand.Typical,
            "fixed transform" => QualityBand.FixedTransform,
            _ => QualityBand.NoFit,
        };
    }
}
