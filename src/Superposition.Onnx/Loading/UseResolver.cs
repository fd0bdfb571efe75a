using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Finds the nodes that really use a weight by looking through nodes that only re-type or re-lay it
/// (Identity, Cast, 2-D Transpose, DequantizeLinear): an exporter's "W → Transpose → MatMul" is a MatMul use.
/// Row-block rearrangements (Slice, Concat, Unsqueeze, Squeeze) are looked through only when they end in a
/// recurrent op's weight input, which is how PyTorch exports reorder LSTM/GRU gates; elsewhere the
/// rearranging node itself is the use.
/// </summary>
internal static class UseResolver
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<TensorUse> Resolve(GraphWalker graph, string tensorName, int rank)
    {
        var uses = new List<TensorUse>();
        Follow(graph, tensorName, rank, [], false, 0, uses);
        // One use per (node, input): several Slice paths into the same LSTM input are one use. TensorUse holds a list,
        // so record equality would compare Via by reference.
        return uses.DistinctBy(u => (u.GraphPath, u.NodeName, u.InputIndex)).ToList();
    }

    private static void Follow(GraphWalker graph, string value, int rank, List<string> via, bool transposed, int depth, List<TensorUse> uses)
    {
        foreach (var site in graph.ReadersOf(value))
        {
            var node = site.Node;
            string op = node.OpType;
            var direct = new TensorUse(op, site.NodeName, site.InputIndex, site.GraphPath, via, transposed);
            if (depth >= MaxDepth || node.Output.Count == 0)
            {
                uses.Add(direct);
                continue;
            }

            var next = new List<string>(via) { op };
            bool retype = site.InputIndex == 0 && op switch
            {
                "Identity" or "Cast" or "DequantizeLinear" => true,
                "Transpose" => rank == 2 && IsMatrixTranspose(node),
                _ => false,
            };
            bool rearrange = op is "Concat" || (site.InputIndex == 0 && op is "Slice" or "Unsqueeze" or "Squeeze");
            if (retype)
            {
                Follow(graph, node.Output[0], rank, next, transposed ^ (op == "Transpose"), depth + 1, uses);
            }
            else if (rearrange)
            {
                var downstream = new List<TensorUse>();
                Follow(graph, node.Output[0], rank, next, transposed, depth + 1, downstream);
                bool recurrent = downstream.Count > 0 && downstream.All(u => u.Op is "LSTM" or "GRU" or "RNN" && u.InputIndex is 1 or 2);
                if (recurrent) uses.AddRange(downstream);
                else uses.Add(direct);
            }
            else
            {
                uses.Add(direct);
            }
        }
    }

    private static bool IsMatrixTranspose(NodeProto node)
    {
        var perm = node.Attribute.FirstOrDefault(a => a.Name == "perm");
        return perm is null || (perm.Ints.Count == 2 && perm.Ints[0] == 1 && perm.Ints[1] == 0);
    }

    /// <summary>The first node directly reading <paramref name="value"/> with the given op, or null.</summary>
    public static GraphWalker.NodeSite? DirectReader(GraphWalker graph, string value, string op, int inputIndex) =>
        graph.ReadersOf(value).FirstOrDefault(s => s.Node.OpType == op && s.InputIndex == inputIndex);
}
