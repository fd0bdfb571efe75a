namespace Superposition;

/// <summary>
/// The families of failure the tool distinguishes. The libraries only name the family; the CLI maps each one
/// to its process exit code (Superposition.Cli.ExitCodes), so scripts can tell "bad model" from "bad argument".
/// </summary>
public enum ErrorKind
{
    /// <summary>A command-line argument or option value is not acceptable.</summary>
    InvalidArgument,

    /// <summary>The file is not an ONNX model, is truncated, or contradicts itself.</summary>
    InvalidModel,

    /// <summary>A tensor's external data file is missing or shorter than the tensor needs.</summary>
    MissingExternalData,

    /// <summary>A tensor uses an element type the tool cannot decode.</summary>
    UnsupportedDataType,

    /// <summary>A layer needs more memory than the configured budget allows.</summary>
    LayerTooLarge,

    /// <summary>An output file could not be written.</summary>
    OutputFailed,

    /// <summary>A native library (LAPACK, ONNX Runtime) could not be found or loaded.</summary>
    NativeLibraryMissing,

    /// <summary>ONNX Runtime rejected a model or failed while running it.</summary>
    RuntimeFailed,

    /// <summary>A numerical procedure failed (for example an eigensolver that did not converge).</summary>
    NumericalFailure,

    /// <summary>
    /// A layer whose weight is all zero (rank 0, every feature dead): its measures are undefined. Never an exit code:
    /// the analyzer records the layer as degenerate and goes on, and the model stays valid.
    /// </summary>
    DegenerateLayer = 11,

    /// <summary>A bug: something the tool believed impossible happened.</summary>
    Internal,
}
