namespace Superposition.Onnx.Orientation;

/// <summary>Which axis of a stored 2-D weight block holds the features (MATH.md section 0).</summary>
public enum FeatureAxis
{
    /// <summary>Each row is a feature vector; the hidden space has dimension = column count.</summary>
    Rows,

    /// <summary>Each column is a feature vector; the hidden space has dimension = row count.</summary>
    Columns,
}

/// <summary>How the user asks a weight to be read as a frame (<c>--orientation</c>).</summary>
public enum OrientationChoice
{
    /// <summary>The larger side holds the features, so n ≥ m (MATH.md default); ties go to the read frame.</summary>
    Auto,

    /// <summary>Output units are the features, each reading a direction of the input space.</summary>
    Read,

    /// <summary>Input units are the features, each writing a direction into the output space.</summary>
    Write,

    /// <summary>Stored rows are the features.</summary>
    Rows,

    /// <summary>Stored columns are the features.</summary>
    Columns,
}

/// <summary>A resolved orientation: n features in R^m, and words for what they are.</summary>
/// <param name="FeatureAxis">Stored axis that holds the features.</param>
/// <param name="Features">n, the number of feature vectors.</param>
/// <param name="Hidden">m, the dimension they live in.</param>
/// <param name="Label">read, write, embedding, rows or columns.</param>
/// <param name="Description">A sentence for listings, e.g. "6625 output units in R^120 (read frame)".</param>
public sealed record FrameOrientation(FeatureAxis FeatureAxis, int Features, int Hidden, string Label, string Description);
