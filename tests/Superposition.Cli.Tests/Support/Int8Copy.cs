using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Cli.Tests.Support;

/// <summary>
/// Writes an int8 copy of a float model, as a post-training quantizer would: every 2-D float weight read by Gemm or
/// MatMul becomes an int8 initializer of the same name (per-tensor symmetric, scale = max|w| / levels, codes in
/// [−levels, levels], zero point 0; levels = 127 is ordinary int8, levels = 1 ternary) followed by a DequantizeLinear
/// node whose output the op reads. Returns, per quantized tensor, the float weights and their dequantized values as
/// the quantizer computed them, for independent expectations.
/// </summary>
internal static class Int8Copy
{
    public static Dictionary<string, (float[] Float, double[] Dequantized)> Write(string source, string target, int levels = 127)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(source));
        var graph = model.Graph;
        var weights = graph.Node.Where(n => n.OpType is "Gemm" or "MatMul" && n.Input.Count > 1).Select(n => n.Input[1]).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, (float[], double[])>(StringComparer.Ordinal);
        var dequantize = new List<NodeProto>();
        foreach (var tensor in graph.Initializer.Where(t => weights.Contains(t.Name) && t.Dims.Count == 2 && t.DataType == (int)TensorProto.Types.DataType.Float).ToList())
        {
            var values = tensor.RawData.Length > 0 ? new float[tensor.RawData.Length / 4] : tensor.FloatData.ToArray();
            if (tensor.RawData.Length > 0) Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, tensor.RawData.Length);
            float scale = values.Max(Math.Abs) / levels;
            var q = values.Select(v => (sbyte)Math.Clamp(Math.Round(v / scale), -levels, levels)).ToArray();
            result[tensor.Name] = (values, q.Select(x => x * (double)scale).ToArray());

            var quantized = new TensorProto { Name = tensor.Name, DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom((byte[])(Array)q) };
            quantized.Dims.AddRange(tensor.Dims);
            graph.Initializer[graph.Initializer.IndexOf(tensor)] = quantized;
            graph.Initializer.Add(Scalar(tensor.Name + "_scale", TensorProto.Types.DataType.Float, BitConverter.GetBytes(scale)));
            graph.Initializer.Add(Scalar(tensor.Name + "_zero_point", TensorProto.Types.DataType.Int8, [0]));
            var node = new NodeProto { OpType = "DequantizeLinear", Name = tensor.Name + "_DequantizeLinear" };
            node.Input.AddRange([tensor.Name, tensor.Name + "_scale", tensor.Name + "_zero_point"]);
            node.Output.Add(tensor.Name + "_dequantized");
            dequantize.Add(node);
            foreach (var consumer in graph.Node.Where(n => n.OpType is "Gemm" or "MatMul" && n.Input.Count > 1 && n.Input[1] == tensor.Name))
            {
                consumer.Input[1] = tensor.Name + "_dequantized";
            }
        }

        for (int i = dequantize.Count - 1; i >= 0; i--) graph.Node.Insert(0, dequantize[i]);
        File.WriteAllBytes(target, model.ToByteArray());
        return result;
    }

    private static TensorProto Scalar(string name, TensorProto.Types.DataType type, byte[] bytes) =>
        new() { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
}
