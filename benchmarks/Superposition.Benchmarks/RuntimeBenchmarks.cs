using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Google.Protobuf;
using Superposition.Onnx.Proto;
using Superposition.Runtime;

namespace Superposition.Benchmarks;

/// <summary>
/// Cost of the ONNX Runtime binding: creating a session, the per-call overhead of Run on a 4-element Add (almost
/// all of it is binding + ORT dispatch), and throughput of a 256×256 float32 MatMul at batch 1 and 256
/// (the Op/s column is samples per second: OperationsPerInvoke = batch). One ORT thread, as OrtOptions.Default.
/// ONNX Runtime comes from the Microsoft.ML.OnnxRuntime package. Run with
/// <c>dotnet run -c Release --project benchmarks/Superposition.Benchmarks -- --filter '*Runtime*'</c>.
/// </summary>
[Config(typeof(RuntimeBenchmarkConfig))]
public class RuntimeBenchmarks
{
    private const int Width = 256;
    private const int LargeBatch = 256;

    private byte[] _addModel = [];
    private OrtSession _add = null!;
    private OrtSession _matMul = null!;
    private Dictionary<string, OrtTensor> _addInputs = [];
    private Dictionary<string, OrtTensor> _matMulOne = [];
    private Dictionary<string, OrtTensor> _matMulBatch = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260121);
        _addModel = AddModel();
        _add = OrtSession.FromBytes(_addModel);
        var v = OrtTensor.Create(new[] { 1f, 2f, 3f, 4f }, 4);
        _addInputs = new() { ["X"] = v, ["Y"] = v };

        var weights = new float[Width * Width];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((2 * random.NextDouble()) - 1);
        }

        _matMul = OrtSession.FromBytes(MatMulModel(weights));
        _matMulOne = new() { ["X"] = RandomInput(random, 1) };
        _matMulBatch = new() { ["X"] = RandomInput(random, LargeBatch) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _add.Dispose();
        _matMul.Dispose();
    }

    [Benchmark(Description = "Open session (Add, from bytes)")]
    public int OpenAddSession()
    {
        using var session = OrtSession.FromBytes(_addModel);
        return session.Inputs.Count;
    }

    [Benchmark(Description = "Run Add, 4 floats (per-call overhead)")]
    public IReadOnlyDictionary<string, OrtTensor> RunAdd() => _add.Run(_addInputs);

    [Benchmark(Description = "Run MatMul 256x256, batch 1", OperationsPerInvoke = 1)]
    public IReadOnlyDictionary<string, OrtTensor> RunMatMulOne() => _matMul.Run(_matMulOne);

    [Benchmark(Description = "Run MatMul 256x256, batch 256", OperationsPerInvoke = LargeBatch)]
    public IReadOnlyDictionary<string, OrtTensor> RunMatMulBatch() => _matMul.Run(_matMulBatch);

    private static OrtTensor RandomInput(Random random, int batch)
    {
        var data = new float[batch * Width];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble();
        }

        return OrtTensor.Create(data, batch, Width);
    }

    private static byte[] AddModel()
    {
        var graph = new GraphProto { Name = "add" };
        graph.Node.Add(Node("Add", ["X", "Y"], "Z"));
        graph.Input.Add(Value("X", "n"));
        graph.Input.Add(Value("Y", "n"));
        graph.Output.Add(Value("Z", "n"));
        return Serialize(graph);
    }

    private static byte[] MatMulModel(float[] weights)
    {
        var graph = new GraphProto { Name = "matmul" };
        var w = new TensorProto { Name = "W", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add([Width, Width]);
        w.FloatData.Add(weights);
        graph.Initializer.Add(w);
        graph.Node.Add(Node("MatMul", ["X", "W"], "Y"));
        graph.Input.Add(Value("X", "batch", Width));
        graph.Output.Add(Value("Y", "batch", Width));
        return Serialize(graph);
    }

    private static byte[] Serialize(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "superposition-benchmarks", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }

    private static ValueInfoProto Value(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = (int)dim });
        }

        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}

/// <summary>In-process (no rebuild of the solution per benchmark), short warm-up, ops/s shown.</summary>
public sealed class RuntimeBenchmarkConfig : ManualConfig
{
    public RuntimeBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("InProcess"));
        AddColumn(StatisticColumn.OperationsPerSecond);
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}
