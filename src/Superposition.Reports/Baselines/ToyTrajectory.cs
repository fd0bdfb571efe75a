using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Reports.Baselines;

/// <summary>One analysed toy of a trajectory.</summary>
public sealed record TrajectoryPoint(int Run, double FeatureProbability, double FinalLoss, LayerSignature Signature);

/// <summary>
/// The toys of one shape analysed by the same Spectral code as the real layers, ordered by feature probability (dense
/// first), one sequence per independent run. A layer is placed on it by the probability whose (interpolated) toy is
/// nearest; the interval is every probability within the toys' own run-to-run spread of that best distance.
/// </summary>
public sealed class ToyTrajectory
{
    /// <summary>Interpolation steps between neighbouring probabilities of the sweep.</summary>
    public const int StepsPerSegment = 16;

    internal ToyTrajectory(ShapeBaseline baseline, IReadOnlyList<IReadOnlyList<TrajectoryPoint>> runs, double runSpread)
    {
        Baseline = baseline;
        Runs = runs;
        RunSpread = runSpread;
    }

    public ShapeBaseline Baseline { get; }

    public ToyShape Shape => Baseline.Shape;

    /// <summary>Per run, the toys from the densest (largest p) to the sparsest.</summary>
    public IReadOnlyList<IReadOnlyList<TrajectoryPoint>> Runs { get; }

    /// <summary>Median over probabilities of the distance between the runs' toys at the same probability (0 with one run).</summary>
    public double RunSpread { get; }

    public static ToyTrajectory Analyze(ShapeBaseline baseline, AnalysisOptions options, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var signatureOptions = SignatureOptions(options);
        var runs = baseline.Frames
            .GroupBy(f => f.Run).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<TrajectoryPoint>)g.OrderByDescending(f => f.FeatureProbability)
                .Select(f => new TrajectoryPoint(f.Run, f.FeatureProbability, f.FinalLoss,
                    LayerSignature.From(FrameAnalyzer.Analyze(f.ToFrameInput(baseline.Shape, $"{baseline.Shape.Key} p={f.FeatureProbability:R} run {f.Run}"), signatureOptions, backend))))
                .ToList())
            .ToList();
        if (runs.Count == 0 || runs.Any(r => r.Count == 0)) throw Fail.Internal($"baseline {baseline.Shape.Key} holds no trained frame");
        if (runs.Any(r => r.Count != runs[0].Count || r.Zip(runs[0]).Any(x => x.First.FeatureProbability != x.Second.FeatureProbability)))
            throw Fail.Internal($"baseline {baseline.Shape.Key}: the runs were trained at different feature probabilities");
        var spreads = new List<double>();
        for (int a = 0; a < runs.Count; a++)
        {
            for (int b = a + 1; b < runs.Count; b++)
            {
                spreads.AddRange(runs[a].Zip(runs[b], (x, y) => x.Signature.DistanceTo(y.Signature)));
            }
        }

        double spread = Summary.Of([.. spreads]).Median;
        return new ToyTrajectory(baseline, runs, spread);
    }

    /// <summary>
    /// The analysis options signatures are computed with: the caller's tolerances (eigenspace grouping, localization,
    /// dead features), per-feature arrays on, and nothing the signature does not read: no measure map, no shuffle null, a
    /// token pairwise-coherence sample (the mean cos² the signature uses is exact for every n) and tiny polytope clusters.
    /// </summary>
    public static AnalysisOptions SignatureOptions(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            PerFeature = true,
            MeasureMapFeatures = 0,
            HeavyTail = options.HeavyTail with { ShuffleNull = false },
            Coherence = options.Coherence with { ExactFeatureLimit = 2, SampleSize = 1, MaxReportedClusters = 0 },
            Polytopes = options.Polytopes with { MaxClusterSize = 2, MaxReportedClusters = 0 },
        };
    }

    /// <summary>The nearest feature probability of <paramref name="signature"/> on this trajectory, with its interval and distance.</summary>
    public TrajectoryFit Place(LayerSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var curve = Curve(signature);
        int best = 0;
        for (int j = 1; j < curve.Count; j++) if (curve[j].Distance < curve[best].Distance) best = j;
        double limit = curve[best].Distance + RunSpread;
        int lo = best, hi = best;
        while (lo > 0 && curve[lo - 1].Distance <= limit) lo--;
        while (hi < curve.Count - 1 && curve[hi + 1].Distance <= limit) hi++;
        // The curve runs from dense (large p) to sparse: the interval's upper end is at lo.
        return new TrajectoryFit(curve[best].FeatureProbability, curve[hi].FeatureProbability, curve[lo].FeatureProbability, curve[best].Distance, curve[best].Run);
    }

    /// <summary>Distance from <paramref name="signature"/> to the trajectory at each interpolated probability (the nearer run at each).</summary>
    public IReadOnlyList<(double FeatureProbability, double Distance, int Run)> Curve(LayerSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var points = new List<(double, double, int)>();
        int count = Runs[0].Count;
        for (int k = 0; k < count; k++)
        {
            int steps = k == count - 1 ? 1 : StepsPerSegment;
            for (int s = 0; s < steps; s++)
            {
                double t = s / (double)StepsPerSegment;
                double logP = Math.Log(Runs[0][k].FeatureProbability);
                if (t > 0) logP += t * (Math.Log(Runs[0][k + 1].FeatureProbability) - logP);
                double bestDistance = double.PositiveInfinity;
                int bestRun = 0;
                foreach (var run in Runs)
                {
                    var at = t > 0 ? run[k].Signature.Lerp(run[k + 1].Signature, t) : run[k].Signature;
                    double d = signature.DistanceTo(at);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        bestRun = run[k].Run;
                    }
                }

                points.Add((Math.Exp(logP), bestDistance, bestRun));
            }
        }

        return points;
    }
}

/// <summary>Where a signature sits on a trajectory.</summary>
/// <param name="FeatureProbability">The nearest p.</param>
/// <param name="Low">Lower end of the interval of p within the run-to-run spread of the best distance.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="Distance">Distance to the trajectory at the nearest p.</param>
/// <param name="Run">The run nearest there.</param>
public sealed record TrajectoryFit(double FeatureProbability, double Low, double High, double Distance, int Run);
