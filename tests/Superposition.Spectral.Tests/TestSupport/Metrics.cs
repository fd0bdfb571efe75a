using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.TestSupport;

/// <summary>
/// Every number of a <see cref="FrameAnalysis"/> that describes the frame itself, flattened with a name, so two
/// analyses can be compared metric by metric. Left out: the backend name and the shuffled null (shuffling entries
/// is not a frame operation).
/// </summary>
internal static class Metrics
{
    public static List<(string Name, double Value)> Flatten(FrameAnalysis a)
    {
        var list = new List<(string, double)>();
        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                list.Add((name, v));
            }
        }

        void AddAll(string name, IEnumerable<double> values)
        {
            var i = 0;
            foreach (var v in values)
            {
                list.Add(($"{name}[{i++}]", v));
            }
        }

        void AddSummary(string name, Summary s)
        {
            AddAll(name, [s.Mean, s.StandardDeviation, s.Min, s.P10, s.Median, s.P90, s.Max, s.Sum]);
        }

        AddAll("eigenvalues", a.Spectrum.Eigenvalues);
        Add("rank", a.Spectrum.Rank);
        Add("eigenspaces", a.Spectrum.Eigenspaces.Count);
        AddAll("eigenspaceMass", a.Spectrum.Eigenspaces.Select(e => e.TotalMass));
        AddAll("binEdges", a.Spectrum.BinEdges);
        AddAll("binMass", a.Spectrum.Bins.Select(b => b.TotalMass));
        AddSummary("q", a.Localization.OnEigenspaces.Q);
        AddSummary("entropy", a.Localization.OnEigenspaces.Entropy);
        AddSummary("pr", a.Localization.OnEigenspaces.ParticipationRatio);
        AddSummary("qBinned", a.Localization.OnBins.Q);
        AddSummary("entropyBinned", a.Localization.OnBins.Entropy);
        AddSummary("kappa", a.Localization.Kappa);
        AddSummary("spread", a.Localization.Spread);
        AddSummary("cv", a.Localization.CoefficientOfVariation);
        AddSummary("D", a.Capacity.Dimensionality);
        AddSummary("leverage", a.Capacity.Leverage);
        AddSummary("slack", a.Capacity.Slack);
        AddSummary("interference", a.Capacity.Interference);
        Add("sumD", a.Capacity.SumDimensionality);
        Add("dStar", a.Capacity.DimensionsPerFeature);
        Add("tau", a.Geometry.Tightness);
        Add("fp", a.Geometry.FramePotential);
        Add("maxCoherence", a.Coherence.MaxCoherence);
        Add("meanAbsCos", a.Coherence.MeanAbsCosine);
        Add("meanSquared", a.Coherence.MeanSquaredCoherence);
        Add("meanSquaredPairs", a.Coherence.MeanSquaredFromPairs);
        AddAll("histogram", a.Coherence.HistogramCounts.Select(c => (double)c));
        Add("duplicateClusters", a.Coherence.DuplicateClusterCount);
        Add("alpha", a.HeavyTail.PowerLaw.Alpha);
        Add("xMin", a.HeavyTail.PowerLaw.XMin);
        Add("ks", a.HeavyTail.PowerLaw.KsDistance);
        Add("logNorm", a.HeavyTail.LogNorm);
        Add("logSpectralNorm", a.HeavyTail.LogSpectralNorm);
        Add("alphaWeighted", a.HeavyTail.AlphaWeighted);
        Add("logAlphaNorm", a.HeavyTail.LogAlphaNorm);
        Add("stableRank", a.HeavyTail.StableRank);
        Add("spectralEntropy", a.HeavyTail.SpectralEntropy);
        Add("effectiveRank", a.HeavyTail.EffectiveRank);
        Add("mpLambdaPlus", a.HeavyTail.MarchenkoPastur.LambdaPlus);
        Add("mpSpikes", a.HeavyTail.MarchenkoPastur.SpikeCount);
        Add("mpSoftRank", a.HeavyTail.MarchenkoPastur.SoftRank);
        Add("localizedClusters", a.Polytopes.ClusterCount);
        if (a.PerFeature is { } f)
        {
            AddAll("f.D", f.Dimensionality);
            AddAll("f.leverage", f.Leverage);
            AddAll("f.q", f.Q);
            AddAll("f.entropy", f.Entropy);
            AddAll("f.pr", f.ParticipationRatio);
            AddAll("f.kappa", f.Kappa);
            AddAll("f.spread", f.Spread);
            AddAll("f.qBinned", f.QBinned);
            AddAll("f.interference", f.Interference);
        }

        return list;
    }

    /// <summary>Asserts |a − b| ≤ tolerance · (1 + |a|) for every metric, naming the first that differs.</summary>
    public static void AssertClose(FrameAnalysis expected, FrameAnalysis actual, double tolerance)
    {
        var a = Flatten(expected);
        var b = Flatten(actual);
        Assert.Equal(a.Select(x => x.Name), b.Select(x => x.Name));
        for (var i = 0; i < a.Count; i++)
        {
            var (name, x) = a[i];
            var y = b[i].Value;
            Assert.True(Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x)), $"{name}: {x:R} vs {y:R} (tolerance {tolerance} relative)");
        }

        Assert.Equal(expected.Polytopes.Clusters.Select(c => c.Template), actual.Polytopes.Clusters.Select(c => c.Template));
        Assert.Equal(expected.HeavyTail.Quality, actual.HeavyTail.Quality);
    }
}
