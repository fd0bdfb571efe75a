using System.Text;
using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Reads and parses a model file, recognising the usual ways a download goes wrong (an HTML error page, a
/// Git LFS pointer, an empty or truncated file) and saying so in one sentence instead of a parser trace.
/// </summary>
internal static class ModelFileReader
{
    public static ModelProto Parse(string displayName, byte[] bytes)
    {
        if (bytes.Length == 0) throw Fail.InvalidModel(displayName, "the file is empty (0 bytes); expected an ONNX model");
        string head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("version https://git-lfs", StringComparison.Ordinal))
        {
            throw Fail.InvalidModel(displayName, "this is a Git LFS pointer, not the model; fetch the real file (git lfs pull)");
        }

        if (head.StartsWith('<') && (head.Contains("html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<!", StringComparison.Ordinal)))
        {
            throw Fail.InvalidModel(displayName, "this is an HTML/XML page (a failed download?), not an ONNX model");
        }

        if (head.StartsWith('{') || head.StartsWith('['))
        {
            throw Fail.InvalidModel(displayName, "this is a JSON text file, not an ONNX model");
        }

        ModelProto model;
        try
        {
            var input = new CodedInputStream(bytes);
            model = ModelProto.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException e) when (e.Message.Contains("nesting", StringComparison.Ordinal))
        {
            throw Fail.InvalidModel(displayName, "nests messages (subgraphs) deeper than the parser's limit of 100 levels; no real model does", e);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Fail.InvalidModel(displayName, $"not a valid ONNX protobuf (truncated or not ONNX): {e.Message}", e);
        }
        catch (OutOfMemoryException e)
        {
            // A length varint just below 2^31 overflowed Google.Protobuf 3.25's bounds check (position + length wraps
            // negative), so it asked for an array past the runtime's maximum length, which fails before allocating:
            // found by fuzzing (fuzz/regressions/protobuf-length-overflow.onnx). 3.36 answers it with
            // InvalidProtocolBufferException; the catch stays so that another parser version cannot bring the trace back.
            throw Fail.InvalidModel(displayName, "not a valid ONNX protobuf (a field claims a length past the end of the file)", e);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException)
        {
            // Google.Protobuf 3.25 answered some malformed lengths (a length varint that reads as negative) with
            // these instead of InvalidProtocolBufferException: found by fuzzing (fuzz/regressions/). 3.36 no longer
            // does; kept for the same reason as above.
            throw Fail.InvalidModel(displayName, $"not a valid ONNX protobuf (a field's length is malformed): {e.Message}", e);
        }

        if (model.Graph is null || model.IrVersion <= 0)
        {
            throw Fail.InvalidModel(displayName, "parsed as protobuf but holds no ONNX graph or IR version (not an ONNX model, or truncated)");
        }

        if (model.OpsetImport.Count == 0 && model.IrVersion >= 3)
        {
            throw Fail.InvalidModel(displayName, "the model imports no operator set; the file is probably truncated");
        }

        return model;
    }
}
