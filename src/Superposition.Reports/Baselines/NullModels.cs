using Superposition.Spectral.Measures;
using Superposition.Spectral.HeavyTail;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Null models of one frame, analysed by the same code: its entries shuffled (the same values, no arrangement), and a
/// Gaussian frame of the same shape and Frobenius norm (i.i.d. entries of variance ‖W‖_F²/(n m)). Each is drawn with
/// several seeds (<see cref="SeedsFor"/>) so that their seed-to-seed spread is known.
/// </summary>
public static class NullModels
{
    /// <summary>Seeds per null kind for large frames.</summary>
    public const int Seeds = 3;

    /// <summary>Seeds per null kind for frames of at most <see cref="SmallFrameEntries"/> entries, whose nulls vary more and cost little.</summary>
    public const int SmallFrameSeeds = 8;

    /// <summary>Frames up to this many entries (n·m) get <see cref="SmallFrameSeeds"/> seeds.</summary>
    public const int SmallFrameEntries = 20_000;

    public static int SeedsFor(int features, int hidden) => (long)features * hidden <= SmallFrameEntries ? SmallFrameSeeds : Seeds;

    /// <summary>Base seed; seed s of a kind uses BaseSeed + s.</summary>
    public const int BaseSeed = 7100;

    public static NullSignatures Analyze(FrameInput frame, AnalysisOptions options, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var signatureOptions = ToyTrajectory.SignatureOptions(options);
        LayerSignature Of(double[] weights, string kind, int s) =>
            LayerSignature.From(FrameAnalyzer.Analyze(new FrameInput($"{frame.Name} ({kind} null, seed {BaseSeed + s})", frame.HiddenDimensions, frame.FeatureCount, weights), signatureOptions, backend));
        int seeds = SeedsFor(frame.FeatureCount, frame.HiddenDimensions);
        var shuffled = Enumerable.Range(0, seeds).Select(s => Of(Shuffled(frame.Weights, BaseSeed + s), "shuffled", s)).ToList();
        var gaussian = Enumerable.Range(0, seeds).Select(s => Of(Gaussian(frame.Weights, BaseSeed + s), "Gaussian", s)).ToList();
        return new NullSignatures(shuffled, gaussian);
    }

    /// <summary>A seeded pseudo-random permutation of all entries (<see cref="EntryShuffle"/>, the spectral null's shuffle).</summary>
    public static double[] Shuffled(double[] weights, int seed) => EntryShuffle.Of(weights, seed);

    /// <summary>I.i.d. normal entries (Box–Muller, seeded) rescaled to exactly the same Frobenius norm as <paramref name="weights"/>.</summary>
    public static double[] Gaussian(double[] weights, int seed)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var random = new Random(seed);
        var values = new double[weights.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double u = 1.0 - random.NextDouble(), v = random.NextDouble();
            values[i] = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
        }

        double target = Math.Sqrt(weights.Sum(w => w * w)), have = Math.Sqrt(values.Sum(w => w * w));
        double scale = have > 0 ? target / have : 0;
        for (int i = 0; i < values.Length; i++) values[i] *= scale;
        return values;
    }
}

/// <summary>The signatures of a frame's null models, <see cref="NullModels.SeedsFor"/> of each kind.</summary>
public sealed record NullSignatures(IReadOnlyList<LayerSignature> Shuffled, IReadOnlyList<LayerSignature> Gaussian);

/// <summary>
/// How far a frame is from one kind of null: the median of its distances to the null's seeds, and the null's
/// seed-to-seed spread, the median distance between two of its seeds. A frame that is one more draw of the null has a
/// distance about equal to the spread.
/// </summary>
public sealed record NullDistance(double Distance, double Spread)
{
    public static NullDistance Of(LayerSignature layer, IReadOnlyList<LayerSignature> nulls)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(nulls);
        var pairs = new List<double>();
        for (int a = 0; a < nulls.Count; a++)
        {
            for (int b = a + 1; b < nulls.Count; b++) pairs.Add(nulls[a].DistanceTo(nulls[b]));
        }

        return new NullDistance(Summary.Of([.. nulls.Select(layer.DistanceTo)]).Median, Summary.Of([.. pairs]).Median);
    }

    /// <summary>True when the frame is further from this null than <see cref="Interpretation.StructuredSpreadFactor"/> times its spread and than <see cref="Interpretation.StructuredDistanceFloor"/>.</summary>
    public bool Separated => Distance > Math.Max(Interpretation.StructuredSpreadFactor * Spread, Interpretation.StructuredDistanceFloor);

}

/// <summary>A frame against both nulls: structured only where it is separated from each.</summary>
public sealed record NullComparison(NullDistance Shuffled, NullDistance Gaussian, LayerSignature NearestNull)
{
    /// <summary>Distance to the nearer null.</summary>
    public double Distance => Math.Min(Shuffled.Distance, Gaussian.Distance);

    public bool Structured => Shuffled.Separated && Gaussian.Separated;

    public static NullComparison Of(LayerSignature layer, NullSignatures nulls)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(nulls);
        var all = nulls.Shuffled.Concat(nulls.Gaussian).ToList();
        return new NullComparison(NullDistance.Of(layer, nulls.Shuffled), NullDistance.Of(layer, nulls.Gaussian), all.MinBy(layer.DistanceTo)!);
    }
}
