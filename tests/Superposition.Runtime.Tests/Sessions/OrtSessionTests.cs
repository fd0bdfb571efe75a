using Superposition.Tests.Shared;
using Superposition.Onnx.Graph;
using Superposition.Runtime.Tests.Support;

namespace Superposition.Runtime.Tests.Sessions;

public sealed class OrtSessionTests
{
    private const string AbsModel = OrtTestEnvironment.TestDataRoot + "/node/test_abs/model.onnx";

    [Fact]
    public void FromBytes_runs_add_and_returns_the_elementwise_sum()
    {
        using var session = OrtSession.FromBytes(TestModels.Add());

        var result = session.Run(new Dictionary<string, OrtTensor>
        {
            ["X"] = OrtTensor.Create(new[] { 1f, 2f, 3.5f }, 3),
            ["Y"] = OrtTensor.Create(new[] { 10f, -2f, 0.25f }, 3),
        });

        var z = Assert.Single(result);
        Assert.Equal("Z", z.Key);
        Assert.Equal(OnnxDataType.Float32, z.Value.ElementType);
        Assert.Equal([3L], z.Value.Shape);
        Assert.Equal([11f, 0f, 3.75f], z.Value.GetData<float>());
    }

    [Fact]
    public void Metadata_of_add_model_reports_names_types_and_symbolic_dims()
    {
        using var session = OrtSession.FromBytes(TestModels.Add(), name: "add");

        Assert.Equal(["X", "Y"], session.Inputs.Select(i => i.Name));
        var x = session.Inputs[0];
        Assert.Equal(OrtValueKind.Tensor, x.Kind);
        Assert.Equal(OnnxDataType.Float32, x.ElementType);
        var dim = Assert.Single(x.Shape);
        Assert.True(dim.IsDynamic);
        Assert.Equal("n", dim.Symbol);
        var z = Assert.Single(session.Outputs);
        Assert.Equal("Z", z.Name);
        Assert.Equal("add", session.Source);
    }

    [ConformanceFact]
    public void Metadata_of_test_abs_from_file_matches_its_graph()
    {
        // test_abs: x float[3,4,5] -> y float[3,4,5] (checked with onnx.load in python).
        using var session = OrtSession.Open(AbsModel);

        var x = Assert.Single(session.Inputs);
        Assert.Equal("x", x.Name);
        Assert.Equal(OnnxDataType.Float32, x.ElementType);
        Assert.Equal([3L, 4L, 5L], x.Shape.Select(d => d.Size));
        Assert.All(x.Shape, d => Assert.False(d.IsDynamic));
        var y = Assert.Single(session.Outputs);
        Assert.Equal("y", y.Name);
        Assert.Equal([3L, 4L, 5L], y.Shape.Select(d => d.Size));
    }

    [Fact]
    public void MatMul_output_matches_a_hand_computed_product()
    {
        // W = [[1, 2, 3], [4, 5, 6]] (2x3); X = [[1, 1], [2, -1]] -> X·W = [[5, 7, 9], [-2, -1, 0]].
        using var session = OrtSession.FromBytes(TestModels.MatMul([1, 2, 3, 4, 5, 6], inputs: 2, outputs: 3));

        var y = session.Run("X", OrtTensor.Create(new[] { 1f, 1f, 2f, -1f }, 2, 2))["Y"];

        Assert.Equal([2L, 3L], y.Shape);
        Assert.Equal([5f, 7f, 9f, -2f, -1f, 0f], y.GetData<float>());
    }

    [Fact]
    public void Concurrent_runs_on_one_session_each_get_their_own_result()
    {
        using var session = OrtSession.FromBytes(TestModels.Add());
        var failures = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var x = OrtTensor.Create(new[] { (float)i, 1f }, 2);
            var z = session.Run(new Dictionary<string, OrtTensor> { ["X"] = x, ["Y"] = x })["Z"].GetData<float>();
            if (z[0] != 2f * i || z[1] != 2f)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Run_returns_only_the_requested_outputs_in_the_requested_order()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());
        var x = OrtTensor.Create(new[] { -1f, 2f, -3f, 4f, -5f, 6f }, 2, 3);

        var only = session.Run(new Dictionary<string, OrtTensor> { ["X"] = x }, ["Abs"]);

        Assert.Equal(["Abs"], only.Keys);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], only["Abs"].GetData<float>());
        var both = session.Run(new Dictionary<string, OrtTensor> { ["X"] = x });
        Assert.Equal([1f, -2f, 3f, -4f, 5f, -6f], both["Neg"].GetData<float>());
    }

    [Fact]
    public void Open_of_a_missing_file_throws_RuntimeFailed_with_the_path_and_ORTs_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "superposition-no-such-model.onnx");

        var e = Assert.Throws<SuperpositionException>(() => OrtSession.Open(missing));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Kind);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("[ErrorCode:NoSuchFile]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_of_garbage_throws_RuntimeFailed_with_ORTs_protobuf_message()
    {
        byte[] garbage = [0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x02, 0x03];

        var e = Assert.Throws<SuperpositionException>(() => OrtSession.FromBytes(garbage, name: "garbage"));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Kind);
        Assert.StartsWith("garbage: create session: ONNX Runtime error", e.Message, StringComparison.Ordinal);
        Assert.Contains("[ErrorCode:InvalidProtobuf]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_an_unknown_input_name_throws_RuntimeFailed()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());

        var e = Assert.Throws<SuperpositionException>(() =>
            session.Run("nope", OrtTensor.Create(new float[6], 2, 3)));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Kind);
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_the_wrong_element_type_throws_RuntimeFailed()
    {
        using var session = OrtSession.FromBytes(TestModels.NegAbs());

        var e = Assert.Throws<SuperpositionException>(() =>
            session.Run("X", OrtTensor.Create(new double[6], 2, 3)));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Kind);
        Assert.Contains("[ErrorCode:InvalidArgument]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_after_dispose_throws_ObjectDisposedException()
    {
        var session = OrtSession.FromBytes(TestModels.NegAbs());
        session.Dispose();

        Assert.True(session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => session.Run("X", OrtTensor.Create(new float[6], 2, 3)));
    }

    [Fact]
    public void RuntimeInfo_reports_the_package_version_pinned_in_Directory_Packages_props()
    {
        var (source, version) = OrtSession.RuntimeInfo();

        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        Assert.Contains($"Include=\"Microsoft.ML.OnnxRuntime\" Version=\"{version}\"", props, StringComparison.Ordinal);
        Assert.Equal("1.31.1", version);
        Assert.Contains("Microsoft.ML.OnnxRuntime", source, StringComparison.Ordinal);
    }
}
