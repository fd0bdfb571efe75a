namespace Superposition.Spectral.Measures;

/// <summary>
/// A frame W of <paramref name="FeatureCount"/> features in <paramref name="HiddenDimensions"/> dimensions:
/// column-major m × n, so feature i is the contiguous slice <c>[i·m, (i+1)·m)</c> of <paramref name="Weights"/>.
/// The analyzer never writes to <paramref name="Weights"/>.
/// </summary>
/// <param name="Name">Label carried into the result (layer name, "pentagon", ...).</param>
/// <param name="HiddenDimensions">m, the dimension of the space the features live in.</param>
/// <param name="FeatureCount">n, the number of features (columns).</param>
/// <param name="Weights">The m·n entries, column-major.</param>
public sealed record FrameInput(string Name, int HiddenDimensions, int FeatureCount, double[] Weights)
{
    /// <summary>Builds a frame from its feature vectors (each of the same length m).</summary>
    public static FrameInput FromFeatures(string name, IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw Fail.InvalidArgument(nameof(features), "empty", "at least one feature vector");
        }

        var m = features[0].Length;
        var data = new double[checked(m * features.Count)];
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Length != m)
            {
                throw Fail.InvalidArgument($"{nameof(features)}[{i}].Length", features[i].Length, $"{m} like feature 0");
            }

            Array.Copy(features[i], 0, data, i * m, m);
        }

        return new FrameInput(name, m, features.Count, data);
    }

    internal void Validate()
    {
        if (HiddenDimensions < 1)
        {
            throw Fail.InvalidArgument(nameof(HiddenDimensions), HiddenDimensions, "at least 1");
        }

        if (FeatureCount < 1)
        {
            throw Fail.InvalidArgument(nameof(FeatureCount), FeatureCount, "at least 1");
        }

        if (Weights is null || Weights.Length != (long)HiddenDimensions * FeatureCount)
        {
            throw Fail.InvalidArgument("Weights.Length", Weights?.Length, $"{(long)HiddenDimensions * FeatureCount} (m·n)");
        }

        for (var i = 0; i < Weights.Length; i++)
        {
            if (!double.IsFinite(Weights[i]))
            {
                // Model data, not a caller's argument: a NaN or infinite weight makes the tensor invalid.
                throw Fail.InvalidModel($"frame '{Name}'", FormattableString.Invariant($"weight {i} is {Weights[i]}, expected a finite number"));
            }
        }
    }
}
