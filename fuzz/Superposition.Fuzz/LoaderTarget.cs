using Superposition.Onnx;
using Superposition.Onnx.Orientation;

namespace Superposition.Fuzz;

/// <summary>
/// What one fuzz execution does: load the bytes as a model (parse, walk, resolve uses, link quantization,
/// orient frames) and decode every frame and tensor. A <see cref="SuperpositionException"/> is the expected
/// answer to a bad file; any other exception, a hang or an unbounded allocation is a finding.
/// </summary>
public static class LoaderTarget
{
    /// <summary>Frames larger than this are not decoded: inputs are small, so a larger claim is itself suspect
    /// and must already have been checked by the loader against the bytes that back it.</summary>
    private const long MaxDecodedElements = 1 << 22;

    /// <returns>True when the loader accepted the file, false when it rejected it with a clear error.</returns>
    public static bool Run(byte[] bytes, string externalDirectory)
    {
        try
        {
            var model = OnnxModelLoader.Load(bytes, "fuzz-input.onnx", externalDirectory);
            foreach (var matrix in model.Matrices)
            {
                if (matrix.ParameterCount > MaxDecodedElements) continue;
                var orientation = matrix.Orient(OrientationChoice.Auto);
                var frame = matrix.ReadFrame(orientation.FeatureAxis);
                GC.KeepAlive(frame);
            }

            foreach (var tensor in model.Tensors)
            {
                if (!tensor.IsDecodable || tensor.ElementCount > MaxDecodedElements) continue;
                GC.KeepAlive(tensor.ReadAll());
            }

            return true;
        }
        catch (SuperpositionException)
        {
            // The loader's answer to a bad file: one clear error, which is what it should give.
            return false;
        }
    }
}
