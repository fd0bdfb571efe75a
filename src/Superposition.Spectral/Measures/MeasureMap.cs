using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Measures;

/// <summary>
/// The binned spectral measure μ_i(B_b) of a sample of features, for the report's heatmap: rows are features sorted
/// by their dominant eigenspace (largest eigenvalue first) and then by q, columns the log-spaced eigenvalue bins in
/// ascending order (<see cref="SpectrumResult.BinEdges"/>).
/// </summary>
/// <param name="FeatureIndex">Input feature numbers of the rows.</param>
/// <param name="DominantEigenspace">Each row's dominant eigenspace (index into <see cref="SpectrumResult.Eigenspaces"/>).</param>
/// <param name="Rows">μ per bin for each row; a row sums to 1 minus the feature's null-space mass.</param>
/// <param name="Sampled">True when the features are an evenly spaced sample rather than all of them.</param>
public sealed record MeasureMap(IReadOnlyList<int> FeatureIndex, IReadOnlyList<int> DominantEigenspace, IReadOnlyList<IReadOnlyList<double>> Rows, bool Sampled)
{
    internal static MeasureMap? From(LiveFrame frame, FeatureMeasures measures)
    {
        if (measures.MapRows.Count == 0) return null;
        var order = measures.MapRows.Keys
            .OrderBy(i => measures.Dominant[i]).ThenByDescending(i => measures.Q[i]).ThenBy(i => i)
            .ToList();
        return new MeasureMap(
            order.Select(i => frame.Index[i]).ToList(),
            order.Select(i => measures.Dominant[i]).ToList(),
            order.Select(i => (IReadOnlyList<double>)measures.MapRows[i]).ToList(),
            measures.MapRows.Count < frame.N);
    }
}
