using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Walks the main graph and every subgraph (If branches, Loop and Scan bodies, any graph attribute) and
/// collects the stored tensors and, for every value name, the nodes that read it.
/// </summary>
internal sealed class GraphWalker(TensorFactory factory)
{
    private readonly List<WeightTensor> _tensors = [];
    private readonly Dictionary<string, WeightTensor> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NodeSite>> _readers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string GraphPath, string NodeName), NodeProto> _nodes = [];
    private readonly Dictionary<string, NodeSite> _producers = new(StringComparer.Ordinal);

    /// <summary>A node together with the subgraph path it sits in.</summary>
    internal sealed record NodeSite(NodeProto Node, string NodeName, int InputIndex, string GraphPath);

    public IReadOnlyList<WeightTensor> Tensors => _tensors;

    /// <summary>True when <paramref name="valueName"/> is a stored tensor (initializer or Constant output) rather than a computed value.</summary>
    public bool IsStored(string valueName) => _stored.ContainsKey(valueName);

    /// <summary>The stored tensor of that name (the first one, when subgraphs repeat a name), or null.</summary>
    public WeightTensor? Stored(string valueName) => _stored.GetValueOrDefault(valueName);

    /// <summary>Nodes reading <paramref name="valueName"/> (any graph; subgraphs may read outer values).</summary>
    public IReadOnlyList<NodeSite> ReadersOf(string valueName) =>
        _readers.TryGetValue(valueName, out var list) ? list : [];

    /// <summary>The node that outputs <paramref name="valueName"/> (its InputIndex is the output's index), or null for graph inputs and initializers.</summary>
    public NodeSite? ProducerOf(string valueName) => _producers.GetValueOrDefault(valueName);

    /// <summary>The node a use refers to.</summary>
    public NodeProto? NodeOf(TensorUse use) => _nodes.GetValueOrDefault((use.GraphPath, use.NodeName));

    /// <summary>Number of nodes in all graphs.</summary>
    public int NodeCount => _nodes.Count;

    public void Walk(GraphProto graph, string graphPath)
    {
        foreach (var initializer in graph.Initializer)
        {
            AddTensor(factory.Create(initializer, TensorSource.Initializer, graphPath));
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            AddTensor(factory.CreateSparse(sparse, TensorSource.SparseInitializer, graphPath));
        }

        for (int n = 0; n < graph.Node.Count; n++)
        {
            var node = graph.Node[n];
            string nodeName = node.Name.Length > 0 ? node.Name : $"{node.OpType}_{n}";
            _nodes.TryAdd((graphPath, nodeName), node);
            for (int o = 0; o < node.Output.Count; o++)
            {
                if (node.Output[o].Length > 0) _producers.TryAdd(node.Output[o], new NodeSite(node, nodeName, o, graphPath));
            }

            for (int i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i].Length == 0) continue; // an omitted optional input
                if (!_readers.TryGetValue(node.Input[i], out var list)) _readers[node.Input[i]] = list = [];
                list.Add(new NodeSite(node, nodeName, i, graphPath));
            }

            if (node.OpType == "Constant" && node.Domain is "" or "ai.onnx" && node.Output.Count == 1)
            {
                AddConstant(node, graphPath);
            }

            foreach (var attribute in node.Attribute)
            {
                string prefix = (graphPath.Length == 0 ? "" : graphPath + "/") + nodeName + "." + attribute.Name;
                if (attribute.G is not null) Walk(attribute.G, prefix);
                for (int g = 0; g < attribute.Graphs.Count; g++) Walk(attribute.Graphs[g], $"{prefix}[{g}]");
            }
        }
    }

    private void AddTensor(WeightTensor tensor)
    {
        _tensors.Add(tensor);
        _stored.TryAdd(tensor.Name, tensor);
    }

    private void AddConstant(NodeProto node, string graphPath)
    {
        string output = node.Output[0];
        foreach (var attribute in node.Attribute)
        {
            if (attribute.Name == "value" && attribute.T is not null)
            {
                AddTensor(factory.Create(attribute.T, TensorSource.ConstantNode, graphPath, output));
            }
            else if (attribute.Name == "sparse_value" && attribute.SparseTensor is not null)
            {
                AddTensor(factory.CreateSparse(attribute.SparseTensor, TensorSource.ConstantNode, graphPath, output));
            }

            // value_float(s)/value_int(s)/value_string(s) hold scalars and short lists, never weights.
        }
    }
}
