using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>
/// A model file may not make the tool read files outside its folder: absolute locations, '..' and symbolic
/// links that lead out are refused with the tensor named, unless the user allows it.
/// </summary>
public sealed class ExternalLocationTests
{
    private static readonly float[] Values = [1, 2, 3, 4, 5, 6];

    private static string ModelPointingAt(string folder, string location, long offset = 0, long? length = null)
    {
        var tensor = new TensorProto { Name = "w_ext", DataType = (int)DataType.Float, Dims = { 2, 3 }, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (length is long l) tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = l.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "w_ext"], ["y"]).Save(folder);
    }

    private static void WriteValues(string path)
    {
        var bytes = new byte[Values.Length * 4];
        Buffer.BlockCopy(Values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A model folder inside a parent that also holds an "outside" file the model must not reach.</summary>
    private static (string Parent, string ModelFolder, string Outside) Layout()
    {
        string parent = RepoPaths.NewTempFolder();
        string modelFolder = Directory.CreateDirectory(Path.Combine(parent, "model")).FullName;
        string outside = Path.Combine(parent, "secret.bin");
        WriteValues(outside);
        return (parent, modelFolder, outside);
    }

    private static SuperpositionException Refused(string model)
    {
        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(model));
        Assert.Equal(ErrorKind.InvalidModel, error.Kind);
        Assert.Contains("w_ext", error.Message);
        Assert.Contains("--allow-external-outside", error.Message);
        return error;
    }

    [Fact]
    public void Parent_segment_is_refused_by_default_and_read_when_allowed()
    {
        var (_, folder, _) = Layout();
        string model = ModelPointingAt(folder, "../secret.bin");
        Assert.Contains("'..'", Refused(model).Message);
        var loaded = OnnxModelLoader.Load(model, new LoadOptions { AllowExternalOutside = true });
        Assert.Equal(Values.Select(v => (double)v), loaded.Tensors.Single().ReadAll());
    }

    [Fact]
    public void Absolute_location_is_refused_by_default_and_read_when_allowed()
    {
        var (_, folder, outside) = Layout();
        string model = ModelPointingAt(folder, outside);
        Assert.Contains("absolute", Refused(model).Message);
        var loaded = OnnxModelLoader.Load(model, new LoadOptions { AllowExternalOutside = true });
        Assert.Equal(6, loaded.Tensors.Single().ReadAll().Length);
    }

    [Fact]
    public void Symbolic_link_to_a_file_outside_is_refused()
    {
        var (_, folder, outside) = Layout();
        File.CreateSymbolicLink(Path.Combine(folder, "weights.bin"), outside);
        Assert.Contains("symbolic link", Refused(ModelPointingAt(folder, "weights.bin")).Message);
    }

    [Fact]
    public void Symbolic_link_to_a_folder_outside_is_refused()
    {
        var (parent, folder, _) = Layout();
        string elsewhere = Directory.CreateDirectory(Path.Combine(parent, "elsewhere")).FullName;
        WriteValues(Path.Combine(elsewhere, "weights.bin"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "data"), elsewhere);
        Assert.Contains("symbolic link", Refused(ModelPointingAt(folder, "data/weights.bin")).Message);
    }

    [Fact]
    public void Symbolic_link_that_stays_inside_the_folder_is_followed()
    {
        var (_, folder, _) = Layout();
        Directory.CreateDirectory(Path.Combine(folder, "shards"));
        WriteValues(Path.Combine(folder, "shards", "part0.bin"));
        File.CreateSymbolicLink(Path.Combine(folder, "weights.bin"), Path.Combine("shards", "part0.bin"));
        var loaded = OnnxModelLoader.Load(ModelPointingAt(folder, "weights.bin"));
        Assert.Equal(Values.Select(v => (double)v), loaded.Tensors.Single().ReadAll());
    }

    [Fact]
    public void Model_folder_reached_through_a_link_still_reads_its_own_files()
    {
        // The model's own folder may be a link (a download cache); only what leaves it counts.
        var (parent, folder, _) = Layout();
        WriteValues(Path.Combine(folder, "weights.bin"));
        ModelPointingAt(folder, "weights.bin");
        string linked = Path.Combine(parent, "linked-model");
        Directory.CreateSymbolicLink(linked, folder);
        var loaded = OnnxModelLoader.Load(Path.Combine(linked, "model.onnx"));
        Assert.Equal(6, loaded.Tensors.Single().ReadAll().Length);
    }

    [Fact]
    public void Link_loop_is_refused_not_followed_forever()
    {
        var (_, folder, _) = Layout();
        File.CreateSymbolicLink(Path.Combine(folder, "a.bin"), "b.bin");
        File.CreateSymbolicLink(Path.Combine(folder, "b.bin"), "a.bin");
        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(ModelPointingAt(folder, "a.bin")));
        Assert.Contains("w_ext", error.Message);
    }

    [Theory]
    [InlineData(-8L, null, "offset")]
    [InlineData(0L, -24L, "length")]
    [InlineData(long.MaxValue, null, "too short")]
    [InlineData(25L, null, "too short")]
    public void Offsets_and_lengths_beyond_the_file_name_the_tensor(long offset, long? length, string expected)
    {
        var (_, folder, _) = Layout();
        WriteValues(Path.Combine(folder, "weights.bin"));
        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(ModelPointingAt(folder, "weights.bin", offset, length)));
        Assert.Contains("w_ext", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
