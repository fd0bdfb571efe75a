using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Reports.Baselines;

/// <summary>
/// Reads the regime of a trained toy model off the same measurements as everything else: which features are
/// represented (‖w_i‖ above <see cref="Interpretation.RepresentedNorm"/>; toy features train towards unit norm or die), their dimensionalities, and the polytopes
/// the represented features form. Only represented features enter the geometry: a dead feature's leftover direction
/// would otherwise join, and spoil, the polytope it sits in.
/// </summary>
public static class ToyRegime
{
    /// <summary>
    /// Options for reading a trained toy's geometry: training stops short of exact symmetry (a pentagon at τ ≈ 1e-4
    /// has eigenvalues about 2√τ ≈ 2% apart), so eigenspaces are grouped within 5% of λ_max and cosines matched to ± 0.05.
    /// </summary>
    public static AnalysisOptions RegimeOptions(AnalysisOptions baseOptions) => baseOptions with
    {
        PerFeature = true,
        EigenspaceTolerance = 0.05,
        Polytopes = baseOptions.Polytopes with { CosineTolerance = 0.05 },
        HeavyTail = baseOptions.HeavyTail with { ShuffleNull = false },
    };

    public static string Describe(ToyFrame toy, ToyShape shape, AnalysisOptions baseOptions, ILinearAlgebraBackend backend)
    {
        ArgumentNullException.ThrowIfNull(toy);
        ArgumentNullException.ThrowIfNull(shape);
        var frame = toy.ToFrameInput(shape, shape.Key);
        var weights = frame.Weights;
        int m = shape.Hidden;
        var represented = Enumerable.Range(0, shape.Features)
            .Where(i => Interpretation.IsRepresented(Math.Sqrt(Enumerable.Range(0, m).Sum(k => weights[(i * m) + k] * weights[(i * m) + k]))))
            .ToList();
        if (represented.Count == 0) return "no feature represented";
        var kept = new double[represented.Count * m];
        for (int j = 0; j < represented.Count; j++) Array.Copy(weights, represented[j] * m, kept, j * m, m);
        var a = FrameAnalyzer.Analyze(new FrameInput(shape.Key, m, represented.Count, kept), RegimeOptions(baseOptions), backend);
        double median = Summary.Of([.. a.PerFeature!.Dimensionality]).Median;
        if (represented.Count <= m)
        {
            // As many directions as features: nothing forces them to share (D_i near 1 once trained to the end).
            return $"no superposition: {represented.Count} feature(s) in {m} dimensions, median D {median:0.##}";
        }

        var named = a.Polytopes.Clusters.Where(c => c.Template is not ("none" or "orthogonal") && c.Scheme?.Passed == true).ToList();
        if (named.Count > 0 && named.Sum(c => c.Members.Count) * 2 >= represented.Count)
        {
            var grouped = named.GroupBy(c => c.Template).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} × {g.Key}");
            return $"polytope superposition ({string.Join(", ", grouped)}): {represented.Count} features in {m} dimensions";
        }

        return $"superposition: {represented.Count} features in {m} dimensions, mixed dimensionalities (median D {median:0.##})";
    }

}
