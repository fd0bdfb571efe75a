using System.Text.RegularExpressions;
using Superposition.Onnx.Loading;

namespace Superposition.Onnx.Orientation;

/// <summary>
/// Names people know. Exporters leave MatMul weights named <c>927</c> or <c>onnx::MatMul_1234</c>; the layer's name
/// survives in the bias added to its output (<c>encoder.layer.0.attention.self.query.bias</c>), in the weight's own
/// name (<c>pooler.dense.weight</c>) or in the node's name path (<c>/encoder/layer.0/attention/self/query/MatMul</c>).
/// From that name come the block index (layer.N, h.N, blocks.N) and the role (q, k, v, o, up, gate, down, embedding,
/// head), so measures can be read across depth.
/// </summary>
internal static partial class LayerNaming
{
    private static readonly string[] WeightSuffixes = [".weight", "_weight", "/weight", ".bias", "_bias", "/bias", "_Q4", "_quantized", "_dequantized", ".w", ".b"];

    private static readonly (string Role, Regex Pattern)[] Roles =
    [
        ("o", new(@"attention[._/]output[._/]dense|o_proj|out_proj|attn[._/]c_proj|self_attn[._/]dense|attention[._/]dense|(^|[._/])(wo|to_out|out_lin)([._/]|$)", RegexOptions.IgnoreCase)),
        ("q", new(@"(^|[._/])(query|q_proj|q|wq|to_q|q_lin)([._/\[]|$)|\[q\]$", RegexOptions.IgnoreCase)),
        ("k", new(@"(^|[._/])(key|k_proj|k|wk|to_k|k_lin)([._/\[]|$)|\[k\]$", RegexOptions.IgnoreCase)),
        ("v", new(@"(^|[._/])(value|v_proj|v|wv|to_v|v_lin)([._/\[]|$)|\[v\]$", RegexOptions.IgnoreCase)),
        ("gate", new(@"gate_proj|(^|[._/])w1([._/]|$)|\[gate\]$", RegexOptions.IgnoreCase)),
        ("up", new(@"intermediate[._/]dense|up_proj|(^|[._/])(fc1|c_fc|w3|lin1|dense_h_to_4h)([._/]|$)|\[up\]$", RegexOptions.IgnoreCase)),
        ("down", new(@"(^|[._/])output[._/]dense|down_proj|mlp[._/]c_proj|(^|[._/])(fc2|w2|lin2|dense_4h_to_h)([._/]|$)", RegexOptions.IgnoreCase)),
        ("head", new(@"lm_head|pooler|classifier|(^|[._/])(score|head)([._/]|$)", RegexOptions.IgnoreCase)),
        ("embedding", new(@"embed|(^|[._/])(wte|wpe)([._/]|$)", RegexOptions.IgnoreCase)),
    ];

    /// <summary>Sets the readable name, block index and role of every matrix.</summary>
    public static void Name(IEnumerable<WeightMatrix> matrices, GraphWalker graph)
    {
        foreach (var matrix in matrices)
        {
            string? name = Derive(matrix, graph);
            if (name is not null && matrix.Slice is not null && !matrix.Slice.StartsWith("slice", StringComparison.Ordinal)) name += $"[{matrix.Slice}]";
            matrix.ReadableName = name;
            string key = name ?? matrix.Name;
            matrix.BlockIndex = BlockPattern().Match(key) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            matrix.Role = matrix.Op is "Gather" or "GatherBlockQuantized" ? "embedding" : Roles.FirstOrDefault(r => r.Pattern.IsMatch(key)).Role;
        }
    }

    /// <summary>True for names an exporter generated (927, onnx::MatMul_1234, MatMul_34, val_12) rather than a module path.</summary>
    public static bool IsGenerated(string name) => GeneratedPattern().IsMatch(name);

    private static string? Derive(WeightMatrix matrix, GraphWalker graph)
    {
        var node = matrix.Use is null ? null : graph.NodeOf(matrix.Use);
        if (node is not null && OutputTrace.Follow(graph, node).Bias is { } bias && Clean(bias) is { } fromBias) return fromBias;
        if (Clean(matrix.Tensor.Name) is { } fromWeight) return fromWeight;
        if (node is not null && node.Name.Contains('/', StringComparison.Ordinal))
        {
            var parts = node.Name.Trim('/').Split('/').ToList();
            if (parts.Count > 1 && parts[^1].StartsWith(node.OpType, StringComparison.Ordinal)) parts.RemoveAt(parts.Count - 1);
            string path = string.Join('.', parts);
            if (parts.Count > 1 && !IsGenerated(path)) return path;
        }

        return null;
    }

    /// <summary>A tensor name without its weight/bias/quantization suffix, or null when what is left is exporter-generated.</summary>
    private static string? Clean(string name)
    {
        string trimmed = name;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (string suffix in WeightSuffixes)
            {
                if (trimmed.Length > suffix.Length && trimmed.EndsWith(suffix, StringComparison.Ordinal))
                {
                    trimmed = trimmed[..^suffix.Length];
                    changed = true;
                }
            }
        }

        return IsGenerated(trimmed) || !trimmed.Any(char.IsLetter) ? null : trimmed;
    }

    [GeneratedRegex(@"(?:^|[._/])(?:layer|layers|h|block|blocks|encoder_layer|decoder_layer)[._/]?(\d+)(?:[._/\[]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^(?:onnx::)?(?:[A-Za-z]+_)?\d+(?:_\d+)*$|^onnx::", RegexOptions.None)]
    private static partial Regex GeneratedPattern();
}
