using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>
/// A small irregular frame checked against numpy (float64): eigh of W Wᵀ, the Gram matrix for D_i, an SVD of W
/// for leverage, and pairwise cosines. Reference script (python3 + numpy), values pasted below:
/// <code>
/// lam, U = eigh(W @ W.T) (descending); G = W.T @ W; D = norm2**2 / (G**2).sum(1)
/// lev = (svd(W).Vt**2).sum(0); P = (U.T @ W)**2 / norm2; q = P.max(0); PR = 1/(P**2).sum(0); H = -(P log P).sum(0)
/// kappa = (lam P).sum(0); spread = sqrt((lam² P).sum(0) - kappa²); C = cosines, i &lt; j
/// </code>
/// </summary>
public sealed class FrameAnalyzerReferenceTests
{
    private const double Tolerance = 1e-12;

    private static readonly double[] Eigenvalues = [5.6521150632391475, 1.9903962697175532, 1.6874886670433003];
    private static readonly double[] Dimensionality = [0.20492610837438424, 0.43177992593661335, 0.5913887506222001, 0.7076514816452899, 0.7659639126305793];
    private static readonly double[] LeverageValues = [0.23756688536301385, 0.5656537046857109, 0.628132104442224, 0.7781316224614822, 0.7905156830475678];
    private static readonly double[] QValues = [0.8426609394359031, 0.37675443867654057, 0.9605637144953846, 0.7896263627712198, 0.976068197987361];
    private static readonly double[] ParticipationValues = [1.362709278564222, 2.969811996616304, 1.0819905980102282, 1.54676998053254, 1.0493090162072056];
    private static readonly double[] EntropyValues = [0.451046399086245, 1.0935544683980156, 0.16738630248427444, 0.6561071288730371, 0.1290268970901342];
    private static readonly double[] KappaValues = [5.0749999999999975, 3.1034328358208967, 1.843119266055046, 2.261000000000001, 5.561619718309858];
    private static readonly double[] SpreadValues = [1.3356912644193506, 1.7863118029698133, 0.7697911038546584, 1.0339337502954433, 0.5783883273923954];
    private static readonly double[] InterferenceValues = [4.0349999999999975, 1.7634328358208966, 0.7531192660550459, 0.6610000000000009, 1.3016197183098583];

    [Fact]
    public void Every_per_feature_measure_matches_numpy()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(Frame());
        var f = result.PerFeature!;

        AssertAll(Eigenvalues, result.Spectrum.Eigenvalues, Tolerance);
        AssertAll(Dimensionality, f.Dimensionality, Tolerance);
        AssertAll(LeverageValues, f.Leverage, Tolerance);
        AssertAll(QValues, f.Q, Tolerance);
        AssertAll(ParticipationValues, f.ParticipationRatio, 1e-11);
        AssertAll(EntropyValues, f.Entropy, 1e-11);
        AssertAll(KappaValues, f.Kappa, 1e-11);
        AssertAll(SpreadValues, f.Spread, 1e-10);
        AssertAll(InterferenceValues, f.Interference, 1e-11);
        Assert.Equal(3, result.Spectrum.Eigenspaces.Count);
    }

    [Fact]
    public void Frame_geometry_and_coherence_match_numpy()
    {
        var result = FrameAnalyzerGoldenTests.Analyze(Frame());

        Assert.Equal(0.3356527193336154, result.Geometry.Tightness, 1e-12);
        Assert.Equal(38.7557, result.Geometry.FramePotential, 1e-11);
        Assert.Equal(0.9596876372764244, result.Coherence.MaxCoherence!.Value, Tolerance);
        Assert.Equal(0.36224477193547966, result.Coherence.MeanAbsCosine!.Value, Tolerance);
        Assert.Equal(0.20233618972637082, result.Coherence.MeanSquaredCoherence!.Value, Tolerance);
        Assert.Equal(0.20233618972637082, result.Coherence.MeanSquaredFromPairs!.Value, Tolerance);
        Assert.Equal(10, result.Coherence.PairsExamined);
        Assert.Equal(10, result.Coherence.HistogramCounts.Sum());
    }

    [Fact]
    public void Fewer_features_than_dimensions_use_the_Gram_side_and_still_match_numpy()
    {
        // m = 4, n = 3: numpy decomposes the 4 × 4 F; the analyzer takes the 3 × 3 Gram. F's fourth eigenvalue is 0.
        var input = FrameInput.FromFeatures("tall", [[1.0, 0.2, 0.0, 0.7], [0.5, -1.0, 0.3, 0.0], [-0.3, 0.8, 0.6, -0.4]]);
        var result = FrameAnalyzerGoldenTests.Analyze(input);
        var f = result.PerFeature!;

        AssertAll([2.3726297690399405, 1.2353317780132076, 0.51203845294685157, 0], result.Spectrum.Eigenvalues, Tolerance);
        AssertAll([0.58044203055917, 0.6439366054514335, 0.6997753890415177], f.Q, Tolerance);
        AssertAll([1.963847163882155, 2.0899342226483664, 1.827325407821298], f.ParticipationRatio, 1e-11);
        AssertAll([1.7041176470588237, 1.8496268656716413, 1.8654399999999993], f.Kappa, 1e-12);
        AssertAll([0.5651970902836034, 0.7354767026723271, 0.7924443238486862], f.Spread, 1e-11);
        AssertAll([0.8978253365550569, 0.7244704458341739, 0.6700831975298052], f.Dimensionality, Tolerance);
        AssertAll([1, 1, 1], f.Leverage, Tolerance);
        Assert.Equal(3, result.Spectrum.Rank);
        Assert.True(result.Spectrum.Eigenspaces[^1].IsNullSpace);
        Assert.Contains("Gram", result.Capacity.LeverageMethod, StringComparison.Ordinal);
        Assert.Equal(3, result.HeavyTail.M);
        Assert.Equal(4, result.HeavyTail.N);
    }

    internal static FrameInput Frame() => FrameInput.FromFeatures("reference", [
        [1.0, 0.2, 0.0],
        [0.5, -1.0, 0.3],
        [-0.3, 0.8, 0.6],
        [0.0, 0.4, -1.2],
        [2.0, 0.1, 0.5],
    ]);

    private static void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance})");
        }
    }
}
