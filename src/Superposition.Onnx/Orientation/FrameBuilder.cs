using Superposition.Onnx.Loading;
using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// Decides, from the op that consumes a weight, which 2-D blocks it holds and what their rows and columns
/// mean (MATH.md section 0). Anything that is not a frame gets a reason instead of being dropped silently.
/// </summary>
internal static partial class FrameBuilder
{
    private const int MaxSlices = 4096;

    public static IReadOnlyList<WeightMatrix> Build(WeightTensor tensor, GraphWalker graph)
    {
        if (tensor.NotAFrameReason is not null) return [];
        string? reason = tensor switch
        {
            { IsDecodable: false } => $"element type {tensor.DataType.Name()} is not decoded",
            { ElementCount: 0 } => "empty tensor",
            _ when !tensor.DataType.IsFloatingPoint() && !tensor.DataType.IsQuantizedStorage()
                => $"{tensor.DataType.Name()} data (shape, index or mask)",
            { Dims.Count: 0 } => "scalar",
            { Dims.Count: 1 } => "1-D (bias, scale or norm)",
            { Uses.Count: 0 } => "not read by any node",
            _ when WeightRoles.Primary(tensor) is null => WeightRoles.NotAWeight(tensor),
            _ when WeightRoles.IsUnitAxisNonMatrix(tensor, WeightRoles.Primary(tensor)!) =>
                $"unit-axis tensor {tensor.ShapeText}: at most one axis longer than 1, a vector, not a frame",
            _ => null,
        };
        if (reason is null && tensor.DataType.IsQuantizedStorage() && tensor.DecodedData is null && tensor.Uses.Any(u => IsCustomDomain(graph.NodeOf(u))))
        {
            // Integers read by an operator of another domain (com.microsoft, ...) whose storage we do not know may be packed codes.
            reason = $"{tensor.DataType.Name()} storage read by {tensor.Uses[0].Op} (domain '{graph.NodeOf(tensor.Uses[0])?.Domain}'), whose packing the loader does not decode: never analysed as raw bytes";
        }

        if (reason is not null)
        {
            tensor.NotAFrameReason = reason;
            return [];
        }

        var use = WeightRoles.Primary(tensor) ?? tensor.Uses[0];
        var node = graph.NodeOf(use);
        var matrices = use.Op switch
        {
            "MatMul" or "MatMulInteger" or "QLinearMatMul" or "Gemm" or "Einsum" or "MatMulNBits" => Linear(tensor, use, node),
            "Conv" or "ConvInteger" or "QLinearConv" when IsWeightSlot(use) => Conv(tensor, use, node, transposed: false),
            "ConvTranspose" when use.InputIndex == 1 => Conv(tensor, use, node, transposed: true),
            "LSTM" or "GRU" or "RNN" when use.InputIndex is 1 or 2 => Recurrent(tensor, use, node),
            "Gather" or "GatherBlockQuantized" when use.InputIndex == 0 => Table(tensor, use, node),
            _ => null,
        };
        matrices ??= [Generic(tensor, use)];
        if (use.Op is "MatMul" or "Gemm" or "MatMulInteger" or "MatMulNBits" && matrices.Count == 1 && matrices[0].Slice is null)
        {
            matrices = FusedProjections.Split(matrices[0], node, graph) ?? matrices;
        }

        if (matrices.Count == 0) tensor.NotAFrameReason ??= "no 2-D block could be formed";
        string? activation = ActivationInput(use, node);
        foreach (var matrix in matrices) matrix.ActivationInput = activation;
        return matrices;
    }

    private static bool IsWeightSlot(TensorUse use) => WeightRoles.IsWeightSlot(use);

    private static bool IsCustomDomain(NodeProto? node) => node is not null && node.Domain is not ("" or "ai.onnx");

    /// <summary>y = x·A with A stored [in, out] (or its transpose): read vectors are columns.</summary>
    private static List<WeightMatrix>? Linear(WeightTensor tensor, TensorUse use, NodeProto? node)
    {
        var dims = tensor.Dims;
        if (dims.Count < 2 || !IsWeightSlot(use)) return null;
        bool storedInOut; // true: rows are inputs, columns are outputs
        switch (use.Op)
        {
            case "Gemm":
                bool transA = Attribute(node, "transA") == 1, transB = Attribute(node, "transB") == 1;
                storedInOut = use.InputIndex == 1 ? !transB : transA;
                break;
            case "Einsum":
                bool? inOut = EinsumLayout(node, use.InputIndex);
                if (inOut is null || dims.Count != 2) return null;
                storedInOut = inOut.Value;
                break;
            case "MatMulNBits":
                // Y = A · Bᵀ: the decoded weight is [N, K] = [out, in].
                storedInOut = false;
                break;
            default:
                // The weight as second operand is [in, out]; as first operand (W·x) it is [out, in].
                storedInOut = use.InputIndex != 0;
                break;
        }

        if (use.Transposed) storedInOut = !storedInOut;
        return Slices(tensor, use, storedInOut ? "input unit" : "output unit", storedInOut ? "output unit" : "input unit",
            storedInOut ? FeatureAxis.Columns : FeatureAxis.Rows, null);
    }

    private static List<WeightMatrix>? Conv(WeightTensor tensor, TensorUse use, NodeProto? node, bool transposed)
    {
        var dims = tensor.Dims;
        if (dims.Count < 3) return null;
        long taps = 1;
        for (int d = 2; d < dims.Count; d++) taps *= dims[d];
        long group = Attribute(node, "group") ?? 1;
        string? note = !transposed && dims[1] == 1 && group > 1
            ? $"depthwise kernel (group {group}): {dims[0]} filters in R^{taps} are overcomplete by construction, not superposition"
            : null;
        return transposed
            ? [Block(tensor, use, null, 0, "input channel", "output channel × kernel tap", FeatureAxis.Columns, note, dims[0], dims[1] * taps)]
            : [Block(tensor, use, null, 0, "filter", "input channel × kernel tap", FeatureAxis.Rows, note, dims[0], dims[1] * taps)];
    }

    /// <summary>
    /// LSTM/GRU/RNN weights [directions, gates·hidden, in] split per direction and gate (ONNX gate order). A 2-D
    /// [gates·hidden, in] weight that reaches the op through Slice/Concat (a PyTorch export reordering its gates)
    /// is split into gate blocks in stored order.
    /// </summary>
    private static List<WeightMatrix>? Recurrent(WeightTensor tensor, TensorUse use, NodeProto? node)
    {
        var dims = tensor.Dims;
        string[] gates = use.Op switch { "LSTM" => ["i", "o", "f", "c"], "GRU" => ["z", "r", "h"], _ => ["h"] };
        bool stacked = dims.Count == 2 && use.Via.Count > 0;
        long directions = stacked ? 1 : dims[0], gateRows = stacked ? dims[0] : dims.Count == 3 ? dims[1] : -1, inputs = dims[^1];
        if ((dims.Count != 3 && !stacked) || gateRows % gates.Length != 0) return null;
        long hidden = gateRows / gates.Length;
        string inputRole = use.InputIndex == 1 ? "input" : "recurrent hidden unit";
        string? note = stacked ? $"gates reordered by {string.Join("/", use.Via.Distinct())} before {use.Op}: blocks in stored order" : null;
        var list = new List<WeightMatrix>();
        for (int d = 0; d < directions; d++)
        {
            for (int g = 0; g < gates.Length; g++)
            {
                long offset = ((d * gateRows) + (g * hidden)) * inputs;
                string slice = stacked ? $"gate block {g}" : $"direction {d}, gate {gates[g]}";
                string role = stacked ? "gate unit" : $"gate-{gates[g]} unit";
                list.Add(Block(tensor, use, slice, offset, role, inputRole, FeatureAxis.Rows, note, hidden, inputs));
            }
        }

        return list;
    }

    /// <summary>Any other consumer: first axis against the rest, roles unknown.</summary>
    private static WeightMatrix Generic(WeightTensor tensor, TensorUse use)
    {
        long rest = tensor.ElementCount / tensor.Dims[0];
        return Block(tensor, use, null, 0, "row", "column", null, $"role unknown: consumed by {use.Op} (input {use.InputIndex})", tensor.Dims[0], rest);
    }

    /// <summary>The trailing two axes form the block; leading axes (batched MatMul weights) become slices.</summary>
    private static List<WeightMatrix>? Slices(WeightTensor tensor, TensorUse use, string rowRole, string columnRole, FeatureAxis readAxis, string? note)
    {
        var dims = tensor.Dims;
        long rows = dims[^2], columns = dims[^1];
        long slices = tensor.ElementCount / Math.Max(1, rows * columns);
        if (dims.Count == 2) return [Block(tensor, use, null, 0, rowRole, columnRole, readAxis, note, rows, columns)];
        if (slices > MaxSlices) return null;
        var list = new List<WeightMatrix>((int)slices);
        for (long s = 0; s < slices; s++)
        {
            list.Add(Block(tensor, use, $"slice {s}", s * rows * columns, rowRole, columnRole, readAxis, note, rows, columns));
        }

        return list;
    }

    internal static WeightMatrix Block(WeightTensor tensor, TensorUse use, string? slice, long offset, string rowRole, string columnRole,
        FeatureAxis? readAxis, string? note, long rows = -1, long columns = -1)
    {
        if (rows < 0) (rows, columns) = (tensor.Dims[0], tensor.Dims[1]);
        if (rows > int.MaxValue || columns > int.MaxValue)
        {
            throw Fail.LayerTooLarge(tensor.Name, rows * columns * sizeof(double), (long)Array.MaxLength * sizeof(double));
        }

        bool singleUnit = rows == 1 || columns == 1;
        if (note is null && singleUnit)
        {
            note = "one side has a single unit: a frame in one dimension is overcomplete by construction";
        }

        return new WeightMatrix(tensor, use, slice, offset, (int)rows, (int)columns, rowRole, columnRole, readAxis, note)
        {
            OvercompleteByConstruction = singleUnit || (note?.Contains("by construction", StringComparison.Ordinal) ?? false),
        };
    }

    /// <summary>The data input a weight multiplies: input 0, or input 1 when the weight itself is the first operand.</summary>
    private static string? ActivationInput(TensorUse use, NodeProto? node)
    {
        if (node is null || !IsWeightSlot(use) || use.Op is "Gather" or "GatherBlockQuantized") return null;
        int index = use.InputIndex == 0 ? 1 : 0;
        return index < node.Input.Count && node.Input[index].Length > 0 ? node.Input[index] : null;
    }

    internal static long? Attribute(NodeProto? node, string name) => node?.Attribute.FirstOrDefault(a => a.Name == name)?.I;

    /// <summary>For a two-operand Einsum that is a plain matmul: true when the weight's first label is contracted.</summary>
    private static bool? EinsumLayout(NodeProto? node, int inputIndex)
    {
        var equation = node?.Attribute.FirstOrDefault(a => a.Name == "equation")?.S.ToStringUtf8().Replace(" ", "", StringComparison.Ordinal);
        if (equation is null || !equation.Contains("->", StringComparison.Ordinal)) return null;
        var sides = equation.Split("->");
        var operands = sides[0].Split(',');
        if (operands.Length != 2 || inputIndex > 1) return null;
        string weight = operands[inputIndex], other = operands[1 - inputIndex], output = sides[1];
        if (weight.Length != 2 || weight.Contains('.', StringComparison.Ordinal)) return null;
        bool Contracted(char c) => other.Contains(c, StringComparison.Ordinal) && !output.Contains(c, StringComparison.Ordinal);
        bool Kept(char c) => output.Contains(c, StringComparison.Ordinal) && !other.Contains(c, StringComparison.Ordinal);
        if (Contracted(weight[0]) && Kept(weight[1])) return true;
        if (Contracted(weight[1]) && Kept(weight[0])) return false;
        return null;
    }
}
