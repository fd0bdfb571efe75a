namespace Superposition;

/// <summary>
/// The families of failure the tool distinguishes. The numeric value is the process exit code the CLI
/// returns for that family, so scripts can tell "bad model" from "bad argument" without parsing text.
/// </summary>
public enum ErrorKind
{
    /// <summary>A command-line argument or option value is not acceptable.</summary>
    InvalidArgument = 2,

    /// <summary>The file is not an ONNX model, is truncated, or contradicts itself.</summary>
    InvalidModel = 3,

    /// <summary>A tensor's external data file is missing or shorter than the tensor needs.</summary>
    MissingExternalData = 4,

    /// <summary>A tensor uses an element type the tool cannot decode.</summary>
    UnsupportedDataType = 5,

    /// <summary>A layer needs more memory than the configured budget allows.</summary>
    LayerTooLarge = 6,

    /// <summary>An output file could not be written.</summary>
    OutputFailed = 7,

    /// <summary>A native library (LAPACK, ONNX Runtime) could not be found or loaded.</summary>
    NativeLibraryMissing = 8,

    /// <summary>ONNX Runtime rejected a model or failed while running it.</summary>
    RuntimeFailed = 9,

    /// <summary>A numerical procedure failed (for example an eigensolver that did not converge).</summary>
    NumericalFailure = 10,

    /// <summary>
    /// A layer whose weight is all zero (rank 0, every feature dead): its measures are undefined. Never an exit code:
    /// the analyzer records the layer as degenerate and goes on, and the model stays valid.
    /// </summary>
    DegenerateLayer = 11,

    /// <summary>A bug: something the tool believed impossible happened.</summary>
    Internal = 70,
}
