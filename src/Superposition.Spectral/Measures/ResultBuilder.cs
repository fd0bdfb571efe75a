using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Measures;

/// <summary>Turns the internal arrays into the public result records.</summary>
internal static class ResultBuilder
{
    /// <summary>τ below this counts as a tight frame.</summary>
    private const double TightTolerance = 1e-9;

    /// <summary>|Σ D − m| below this times m counts as saturated capacity.</summary>
    private const double SaturationTolerance = 1e-6;

    public static SpectrumResult Spectrum(FrameSpectrum spectrum, FeatureMeasures measures, double localizedThreshold)
    {
        var dominant = new int[spectrum.Groups.Length];
        var localized = new int[spectrum.Groups.Length];
        for (var i = 0; i < measures.Dominant.Length; i++)
        {
            dominant[measures.Dominant[i]]++;
            if (measures.Q[i] >= localizedThreshold)
            {
                localized[measures.Dominant[i]]++;
            }
        }

        var eigenspaces = spectrum.Groups
            .Select((g, index) => new EigenspaceSummary(index, g.Value, g.Count, g.IsNull, measures.GroupMass[index], dominant[index], localized[index]))
            .ToArray();
        var bins = new BinSummary[spectrum.BinEdges.Length - 1];
        var counts = new int[bins.Length];
        foreach (var b in spectrum.BinOf)
        {
            if (b >= 0)
            {
                counts[b]++;
            }
        }

        for (var b = 0; b < bins.Length; b++)
        {
            bins[b] = new BinSummary(spectrum.BinEdges[b], spectrum.BinEdges[b + 1], counts[b], measures.BinMass[b]);
        }

        return new SpectrumResult(
            spectrum.Eigenvalues,
            spectrum.LambdaMax,
            spectrum.Eigenvalues.Sum(),
            spectrum.Rank,
            spectrum.ZeroThreshold,
            spectrum.GroupingTolerance,
            eigenspaces,
            spectrum.BinEdges,
            bins);
    }

    public static LocalizationResult Localization(FrameSpectrum spectrum, FeatureMeasures measures, double localizedThreshold)
    {
        var cv = new double[measures.Kappa.Length];
        for (var i = 0; i < cv.Length; i++)
        {
            cv[i] = measures.Spread[i] / measures.Kappa[i];
        }

        var hasNull = spectrum.Rank < spectrum.M ? 1 : 0;
        return new LocalizationResult(
            Scores(spectrum.Groups.Length, measures.Q, measures.Entropy, measures.ParticipationRatio, localizedThreshold),
            Scores(spectrum.BinEdges.Length - 1 + hasNull, measures.QBinned, measures.EntropyBinned, measures.ParticipationRatioBinned, localizedThreshold),
            Summary.Of(measures.Kappa),
            Summary.Of(measures.Spread),
            Summary.Of(cv),
            Summary.Of(measures.NullMass));
    }

    public static CapacityResult Capacity(LiveFrame frame, FrameSpectrum spectrum, FeatureQuantities features, string leverageMethod)
    {
        var m = frame.M;
        var r = spectrum.Rank;
        double sumD = 0;
        double sumLeverage = 0;
        double sumGap = 0;
        for (var i = 0; i < frame.N; i++)
        {
            sumD += features.Dimensionality[i];
            sumLeverage += features.Leverage[i];
            sumGap += features.Leverage[i] - features.Dimensionality[i];
        }

        var left = m - sumD;
        var right = (m - r) + sumGap;
        return new CapacityResult(
            Summary.Of(features.Dimensionality),
            sumD,
            m / frame.FrobeniusSquared,
            sumD / m,
            sumD / r,
            Summary.Of(features.Leverage),
            sumLeverage,
            leverageMethod,
            Summary.Of(features.Slack),
            Summary.Of(features.Interference),
            left,
            right,
            Math.Abs(left - right),
            Math.Abs(sumD - m) <= SaturationTolerance * m);
    }

    public static FrameGeometryResult Geometry(FrameSpectrum spectrum)
    {
        double trace = 0;
        double squares = 0;
        foreach (var lambda in spectrum.Eigenvalues)
        {
            trace += lambda;
            squares += lambda * lambda;
        }

        // τ ≥ 0 in exact arithmetic; clamp the rounding of a tight frame to 0.
        var tightness = Math.Max(0.0, (spectrum.M * squares / (trace * trace)) - 1.0);
        return new FrameGeometryResult(trace, tightness, squares, trace * trace / spectrum.M, tightness < TightTolerance);
    }

    public static PerFeatureMeasures PerFeature(LiveFrame frame, FeatureMeasures measures, FeatureQuantities features)
    {
        var n = frame.N;
        var cv = new double[n];
        var effective = new double[n];
        for (var i = 0; i < n; i++)
        {
            cv[i] = measures.Spread[i] / measures.Kappa[i];
            effective[i] = Math.Exp(measures.Entropy[i]);
        }

        return new PerFeatureMeasures(
            frame.Index,
            frame.NormSquared.Select(Math.Sqrt).ToArray(),
            features.Dimensionality,
            features.Leverage,
            features.Slack,
            features.Interference,
            measures.Kappa,
            measures.Spread,
            cv,
            measures.Q,
            measures.Entropy,
            effective,
            measures.ParticipationRatio,
            measures.Dominant,
            measures.QBinned,
            measures.EntropyBinned,
            measures.ParticipationRatioBinned);
    }

    private static LocalizationScores Scores(int cells, double[] q, double[] entropy, double[] participation, double threshold)
    {
        var localized = q.Count(v => v >= threshold);
        return new LocalizationScores(
            cells,
            Summary.Of(q),
            Summary.Of(entropy),
            Summary.Of(entropy.Select(Math.Exp).ToArray()),
            Summary.Of(participation),
            localized,
            (double)localized / q.Length);
    }
}
