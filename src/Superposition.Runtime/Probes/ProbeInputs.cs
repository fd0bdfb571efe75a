using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Runtime.Proto;

namespace Superposition.Runtime.Probes;

/// <summary>
/// Inputs given to a probe instead of random ones: serialized TensorProto files (<c>.pb</c>, the ONNX test-data
/// layout). A file is one batch of a single-input model; a folder of <c>input_*.pb</c> is one batch; a folder of
/// <c>test_data_set_*</c> folders is one batch each. Tensors are matched to model inputs by name, else by order.
/// </summary>
public sealed class ProbeInputs
{
    private readonly List<List<(string? Name, OrtTensor Tensor)>> _batches;

    private ProbeInputs(List<List<(string? Name, OrtTensor Tensor)>> batches) => _batches = batches;

    public int BatchCount => _batches.Count;

    public static ProbeInputs Load(string path)
    {
        var batches = new List<List<(string?, OrtTensor)>>();
        if (File.Exists(path))
        {
            batches.Add([Read(path)]);
        }
        else if (Directory.Exists(path))
        {
            var sets = Directory.GetDirectories(path, "test_data_set_*").Order(StringComparer.Ordinal).ToList();
            foreach (string folder in sets.Count > 0 ? sets : [path])
            {
                var files = Directory.GetFiles(folder, "input_*.pb").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
                if (files.Count > 0) batches.Add(files.Select(Read).ToList());
            }
        }
        else
        {
            throw Fail.InvalidArgument("probe inputs", path, "'random', a .pb tensor file, or a folder of input_*.pb files");
        }

        if (batches.Count == 0) throw Fail.InvalidArgument("probe inputs", path, "a folder holding input_*.pb files (or test_data_set_* folders of them)");
        return new ProbeInputs(batches);
    }

    /// <summary>Batch <paramref name="index"/> keyed by the session's input names.</summary>
    internal IReadOnlyDictionary<string, OrtTensor> Batch(int index, IReadOnlyList<OrtValueInfo> inputs)
    {
        var given = _batches[index];
        if (given.Count != inputs.Count)
        {
            throw Fail.InvalidArgument("probe inputs", $"{given.Count} tensor(s) in batch {index}", $"{inputs.Count}, one per model input ({string.Join(", ", inputs.Select(i => i.Name))})");
        }

        var byName = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        bool named = given.All(g => g.Name is { Length: > 0 } n && byName.Contains(n));
        var feed = new Dictionary<string, OrtTensor>(StringComparer.Ordinal);
        for (int i = 0; i < given.Count; i++) feed[named ? given[i].Name! : inputs[i].Name] = given[i].Tensor;
        return feed;
    }

    private static (string?, OrtTensor) Read(string file)
    {
        try
        {
            var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(file));
            return (proto.Name, TensorProtoDecoder.Decode(proto, file));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Fail.InvalidModel(file, "not a serialized ONNX TensorProto: " + e.Message, e);
        }
    }
}
