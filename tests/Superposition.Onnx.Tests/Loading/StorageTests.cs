using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>Weights are found wherever a model keeps them, and read the same from every storage kind.</summary>
public sealed class StorageTests
{
    private static readonly float[] Values = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void External_data_is_read_at_its_offset_relative_to_the_model_folder()
    {
        string folder = RepoPaths.NewTempFolder();
        var bytes = new byte[16 + 24];
        Buffer.BlockCopy(Values, 0, bytes, 16, 24); // 16 bytes of padding before the tensor
        File.WriteAllBytes(Path.Combine(folder, "weights.bin"), bytes);
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float, Dims = { 2, 3 }, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = "16" });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = "24" });
        string path = new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "w"], ["y"]).Save(folder);

        var loaded = OnnxModelLoader.Load(path).Tensors.Single();
        Assert.Equal(TensorStorage.External, loaded.Storage);
        Assert.Equal("weights.bin", loaded.ExternalFile);
        Assert.Equal(Values.Select(v => (double)v), loaded.ReadAll());
    }

    [Fact]
    public void Missing_external_file_names_model_tensor_and_file()
    {
        string folder = RepoPaths.NewTempFolder();
        var tensor = new TensorProto { Name = "emb", DataType = (int)DataType.Float, Dims = { 2, 3 }, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "gone.bin" });
        string path = new ModelBuilder().Initializer(tensor).Save(folder);

        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(path));
        Assert.Equal(ErrorKind.MissingExternalData, error.Kind);
        Assert.Contains("model.onnx", error.Message);
        Assert.Contains("'emb'", error.Message);
        Assert.Contains("gone.bin", error.Message);
    }

    [Fact]
    public void Too_short_external_file_is_reported_before_any_read()
    {
        string folder = RepoPaths.NewTempFolder();
        File.WriteAllBytes(Path.Combine(folder, "short.bin"), new byte[20]);
        var tensor = new TensorProto { Name = "w", DataType = (int)DataType.Float, Dims = { 2, 3 }, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "short.bin" });
        string path = new ModelBuilder().Initializer(tensor).Save(folder);

        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(path));
        Assert.Equal(ErrorKind.MissingExternalData, error.Kind);
        Assert.Contains("too short", error.Message);
    }

    [Fact]
    public void Constant_node_value_is_a_weight_named_by_its_output()
    {
        var builder = new ModelBuilder()
            .Node("Constant", "c", [], ["w_const"], ModelBuilder.Tensor("value", ModelBuilder.Float32("ignored", [2, 3], Values)))
            .Node("MatMul", "mm", ["x", "w_const"], ["y"]);
        var model = OnnxModelLoader.Load(builder.ToBytes(), "c.onnx");
        var tensor = model.Tensors.Single();
        Assert.Equal("w_const", tensor.Name);
        Assert.Equal(TensorSource.ConstantNode, tensor.Source);
        Assert.Equal("raw+constant", tensor.StorageLabel);
        Assert.Equal("mm", model.Matrices.Single().Layer);
    }

    [Fact]
    public void Sparse_initializer_is_densified_with_linear_and_coordinate_indices()
    {
        foreach (bool coordinates in new[] { false, true })
        {
            var sparse = new SparseTensorProto
            {
                Values = ModelBuilder.Float32("s", [2], [7f, -1f]),
                Indices = new TensorProto { Name = "s_idx", DataType = (int)DataType.Int64 },
                Dims = { 2, 3 },
            };
            if (coordinates)
            {
                sparse.Indices.Dims.AddRange([2, 2]);
                sparse.Indices.Int64Data.AddRange([0, 1, 1, 2]); // (0,1) and (1,2)
            }
            else
            {
                sparse.Indices.Dims.Add(2);
                sparse.Indices.Int64Data.AddRange([1, 5]);
            }

            var builder = new ModelBuilder().Node("MatMul", "mm", ["x", "s"], ["y"]);
            builder.Graph.SparseInitializer.Add(sparse);
            var tensor = OnnxModelLoader.Load(builder.ToBytes(), "s.onnx").Tensors.Single();
            Assert.Equal(TensorSource.SparseInitializer, tensor.Source);
            Assert.Equal([0.0, 7.0, 0.0, 0.0, 0.0, -1.0], tensor.ReadAll());
        }
    }

    [Fact]
    public void Tensors_inside_if_branches_are_found_with_their_subgraph_path()
    {
        var thenBranch = new GraphProto { Name = "then" };
        thenBranch.Initializer.Add(ModelBuilder.Float32("w_then", [2, 3], Values));
        thenBranch.Node.Add(new NodeProto { OpType = "MatMul", Name = "inner", Input = { "x", "w_then" }, Output = { "y1" } });
        var elseBranch = new GraphProto { Name = "else" };
        elseBranch.Node.Add(new NodeProto { OpType = "Constant", Name = "k", Output = { "w_else" }, Attribute = { ModelBuilder.Tensor("value", ModelBuilder.Float32("v", [3, 2], Values)) } });
        elseBranch.Node.Add(new NodeProto { OpType = "MatMul", Name = "inner2", Input = { "x", "w_else" }, Output = { "y2" } });
        var builder = new ModelBuilder().Node("If", "branch", ["cond"], ["y"], ModelBuilder.Subgraph("then_branch", thenBranch), ModelBuilder.Subgraph("else_branch", elseBranch));

        var model = OnnxModelLoader.Load(builder.ToBytes(), "if.onnx");
        Assert.Equal(["w_then", "w_else"], model.Tensors.Select(t => t.Name));
        Assert.Equal(["branch.then_branch", "branch.else_branch"], model.Tensors.Select(t => t.GraphPath));
        Assert.Equal("branch.then_branch/inner", model.Matrices[0].Layer);
        Assert.All(model.Tensors, t => Assert.Contains("subgraph", t.StorageLabel));
    }

    [Fact]
    public void Outer_scope_weight_used_inside_a_loop_body_is_attributed_to_the_inner_node()
    {
        var body = new GraphProto { Name = "body" };
        body.Node.Add(new NodeProto { OpType = "MatMul", Name = "step", Input = { "h", "w_outer" }, Output = { "h2" } });
        var builder = new ModelBuilder().Initializer(ModelBuilder.Float32("w_outer", [2, 3], Values))
            .Node("Loop", "loop", ["n", "cond", "h0"], ["hN"], ModelBuilder.Subgraph("body", body));
        var matrix = OnnxModelLoader.Load(builder.ToBytes(), "loop.onnx").Matrices.Single();
        Assert.Equal("MatMul", matrix.Op);
        Assert.Equal("loop.body/step", matrix.Layer);
    }
}

/// <summary>Weights beyond 2 GB of external data are reached through a mapped window, never read up front.</summary>
public sealed class LargeExternalDataTests
{
    [Fact]
    public void Tensor_past_the_2GB_mark_of_a_sparse_external_file_loads_lazily()
    {
        string folder = RepoPaths.NewTempFolder();
        string data = Path.Combine(folder, "big.bin");
        const long Offset = 3L << 30; // 3 GiB: beyond int range and beyond what a byte[] could hold
        float[] values = [0.5f, -1.5f, 2.25f, 4f, -8f, 16f];
        using (var file = new FileStream(data, FileMode.CreateNew))
        {
            file.SetLength(Offset + 24); // sparse: no disk blocks for the hole
            file.Position = Offset;
            var bytes = new byte[24];
            Buffer.BlockCopy(values, 0, bytes, 0, 24);
            file.Write(bytes);
        }

        try
        {
            var tensor = new TensorProto { Name = "far", DataType = (int)DataType.Float, Dims = { 2, 3 }, DataLocation = TensorProto.Types.DataLocation.External };
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "big.bin" });
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            string path = new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "far"], ["y"]).Save(folder);

            long before = GC.GetAllocatedBytesForCurrentThread();
            var model = OnnxModelLoader.Load(path);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "loading must not read the external file");
            var matrix = Assert.Single(model.Matrices);
            // Rows (0.5, -1.5, 2.25) and (4, -8, 16); the read frame takes columns (w0j, w1j).
            Assert.Equal([0.5, 4.0, -1.5, -8.0, 2.25, 16.0], matrix.ReadFrame(Superposition.Onnx.Orientation.FeatureAxis.Columns));
        }
        finally
        {
            File.Delete(data);
        }
    }
}
