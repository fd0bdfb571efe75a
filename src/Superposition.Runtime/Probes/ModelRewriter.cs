using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Runtime.Probes;

/// <summary>
/// Makes intermediate values observable: a copy of the model whose graph lists them as extra outputs. Where the
/// model declares a value's type (value_info), the output carries it; otherwise only the name, and ORT infers it.
/// </summary>
internal static class ModelRewriter
{
    internal static IReadOnlyList<ProbeCandidate> Candidates(ModelProto model)
    {
        var graph = model.Graph ?? throw Fail.InvalidModel("model", "has no graph");
        var declared = DeclaredTypes(graph);
        var candidates = new List<ProbeCandidate>();
        // Constant nodes hold weights, not activations: they do not depend on the input.
        foreach (var node in graph.Node.Where(n => n.OpType != "Constant"))
        {
            foreach (var output in node.Output.Where(o => o.Length > 0))
            {
                var type = declared.TryGetValue(output, out var info) && info.Type?.TensorType is { } tensor
                    ? (OnnxDataType)tensor.ElemType
                    : OnnxDataType.Undefined;
                candidates.Add(new ProbeCandidate(output, node.OpType, node.Name, type));
            }
        }

        return candidates;
    }

    /// <summary>A copy of <paramref name="model"/> with <paramref name="values"/> appended to the graph outputs.</summary>
    internal static ModelProto ExposeValues(ModelProto model, IEnumerable<string> values)
    {
        var copy = model.Clone();
        var graph = copy.Graph ?? throw Fail.InvalidModel("model", "has no graph");
        var produced = graph.Node.SelectMany(n => n.Output).Concat(graph.Input.Select(i => i.Name))
            .Concat(graph.Initializer.Select(i => i.Name)).ToHashSet(StringComparer.Ordinal);
        var existing = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var declared = DeclaredTypes(graph);
        foreach (var name in values)
        {
            if (!produced.Contains(name))
            {
                throw Fail.InvalidArgument("probe value", name, "the name of a value in the model's main graph");
            }

            if (existing.Add(name))
            {
                graph.Output.Add(declared.TryGetValue(name, out var info) ? info.Clone() : new ValueInfoProto { Name = name });
            }
        }

        return copy;
    }

    internal static bool UsesExternalData(ModelProto model) =>
        model.Graph?.Initializer.Any(t => t.DataLocation == TensorProto.Types.DataLocation.External || t.ExternalData.Count > 0) == true;

    private static Dictionary<string, ValueInfoProto> DeclaredTypes(GraphProto graph)
    {
        var declared = new Dictionary<string, ValueInfoProto>(StringComparer.Ordinal);
        foreach (var info in graph.ValueInfo.Concat(graph.Output).Where(i => i.Type is not null))
        {
            declared.TryAdd(info.Name, info);
        }

        return declared;
    }
}
