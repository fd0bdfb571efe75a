using Superposition.Onnx.Model;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Walks the main graph and every subgraph (If branches, Loop and Scan bodies, any graph attribute) and
/// collects the stored tensors and, for every value name, the nodes that read it.
/// </summary>
internal sealed class GraphWalker(TensorFactory factory)
{
    private readonly List<WeightTensor> _tensors = [];
    private readonly Dictionary<string, List<NodeSite>> _readers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string GraphPath, string NodeName), NodeProto> _nodes = [];

    /// <summary>A node together with the subgraph path it sits in.</summary>
    internal sealed record NodeSite(NodeProto Node, string NodeName, int InputIndex, string GraphPath);

    public IReadOnlyList<WeightTensor> Tensors => _tensors;

    /// <summary>Nodes reading <paramref name="valueName"/> (any graph; subgraphs may read outer values).</summary>
    public IReadOnlyList<NodeSite> ReadersOf(string valueName) =>
        _readers.TryGetValue(valueName, out var list) ? list : [];

    /// <summary>The node a use refers to.</summary>
    public NodeProto? NodeOf(TensorUse use) => _nodes.GetValueOrDefault((use.GraphPath, use.NodeName));

    /// <summary>Number of nodes in all graphs.</summary>
    public int NodeCount => _nodes.Count;

    public void Walk(GraphProto graph, string graphPath)
    {
        foreach (var initializer in graph.Initializer)
        {
            _tensors.Add(factory.Create(initializer, TensorSource.Initializer, graphPath));
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            _tensors.Add(factory.CreateSparse(sparse, TensorSource.SparseInitializer, graphPath));
        }

        for (int n = 0; n < graph.Node.Count; n++)
        {
            var node = graph.Node[n];
            string nodeName = node.Name.Length > 0 ? node.Name : $"{node.OpType}_{n}";
            _nodes.TryAdd((graphPath, nodeName), node);
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

    private void AddConstant(NodeProto node, string graphPath)
    {
        string output = node.Output[0];
        foreach (var attribute in node.Attribute)
        {
            if (attribute.Name == "value" && attribute.T is not null)
            {
                _tensors.Add(factory.Create(attribute.T, TensorSource.ConstantNode, graphPath, output));
            }
            else if (attribute.Name == "sparse_value" && attribute.SparseTensor is not null)
            {
                _tensors.Add(factory.CreateSparse(attribute.SparseTensor, TensorSource.ConstantNode, graphPath, output));
            }

            // value_float(s)/value_int(s)/value_string(s) hold scalars and short lists, never weights.
        }
    }
}
