using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Superposition.Onnx.Proto;
using Superposition.Training.Export;
using Superposition.Training.Tms;

namespace Superposition.Training.Tests.Export;

public sealed class TmsOnnxExporterTests
{
    private static readonly TmsRunResult Run = TmsTrainer.Train(TmsPresets.FiveTwo() with { Steps = 200, FeatureProbabilities = [0.3, 0.05] });

    private static float[] Decode(TensorProto t)
    {
        var bytes = t.RawData.Span;
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        return values;
    }

    [Fact]
    public void Export_round_trips_through_the_parser_with_the_same_numbers_and_shapes()
    {
        var r = Run.Instances[1];
        var model = ModelProto.Parser.ParseFrom(TmsOnnxExporter.ToBytes(r, "5-2"));
        Assert.Equal(8, model.IrVersion);
        Assert.Equal("superposition", model.ProducerName);
        Assert.Equal(17, Assert.Single(model.OpsetImport).Version);
        Assert.Equal(["Transpose", "MatMul", "MatMul", "Add", "Relu"], model.Graph.Node.Select(nd => nd.OpType));
        Assert.Equal([1L, 0L], model.Graph.Node[0].Attribute.Single(a => a.Name == "perm").Ints);
        Assert.Equal(["W", "b"], model.Graph.Initializer.Select(t => t.Name)); // the frame is stored once
        var w = model.Graph.Initializer.Single(t => t.Name == "W");
        var b = model.Graph.Initializer.Single(t => t.Name == "b");
        Assert.Equal([2L, 5L], w.Dims);
        Assert.Equal([5L], b.Dims);
        Assert.All(model.Graph.Initializer, t => Assert.Equal(1, t.DataType));
        Assert.Equal(r.W, Decode(w));
        Assert.Equal(r.Bias, Decode(b));
    }

    [Fact]
    public void Same_seed_gives_byte_identical_files()
    {
        var again = TmsTrainer.Train(Run.Options);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(TmsOnnxExporter.ToBytes(Run.Instances[i], "5-2"), TmsOnnxExporter.ToBytes(again.Instances[i], "5-2"));
            Assert.Equal(TmsRunWriter.Describe(Run.Options, Run.Instances[i], "a.onnx"), TmsRunWriter.Describe(again.Options, again.Instances[i], "a.onnx"));
        }
    }

    [RequiresPythonOnnxFact]
    public void Onnx_checker_accepts_the_file_and_numpy_runs_the_graph_to_our_outputs()
    {
        // Independent check with the onnx package (python): the checker accepts the file (full_check), and the
        // graph, run op by op in numpy, equals our double-precision forward pass within 1e-5.
        var r = Run.Instances[0];
        string dir = Path.Combine(Path.GetTempPath(), "sp-h4-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = TmsRunWriter.Write(Run, dir);
            Assert.Equal(4, files.Count);
            string model = Path.Combine(dir, "tms_5-2_i00.onnx");
            // onnx 1.12 on this machine has no reference evaluator: a five-op numpy interpreter walks the graph.
            const string Script = """
                import sys, numpy as np, onnx
                from onnx import numpy_helper
                m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)
                env = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
                env["x"] = np.array([[1, 0, 0.5, 0, 0.25], [0, 0.3, 0, 0.9, 0]], dtype=np.float32)
                ops = {"MatMul": lambda a, b: a @ b, "Add": lambda a, b: a + b, "Relu": lambda a: np.maximum(a, 0), "Transpose": lambda a: a.T}
                for nd in m.graph.node:
                    env[nd.output[0]] = ops[nd.op_type](*[env[i] for i in nd.input])
                y = env[m.graph.output[0].name]
                print(" ".join(repr(float(v)) for v in y.ravel()))
                """;
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            psi.ArgumentList.Add("-");
            psi.ArgumentList.Add(model);
            using var p = Process.Start(psi)!;
            p.StandardInput.Write(Script);
            p.StandardInput.Close();
            string output = p.StandardOutput.ReadToEnd();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
            double[] got = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            double[][] xs = [[1, 0, 0.5, 0, 0.25], [0, 0.3, 0, 0.9, 0]];
            for (int row = 0; row < 2; row++)
            {
                var h = new double[2];
                for (int k = 0; k < 2; k++)
                    for (int i = 0; i < 5; i++) h[k] += r.At(k, i) * xs[row][i];
                for (int i = 0; i < 5; i++)
                {
                    double y = Math.Max(0, r.Bias[i] + (r.At(0, i) * h[0]) + (r.At(1, i) * h[1]));
                    Assert.Equal(y, got[(row * 5) + i], 1e-5);
                }
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
