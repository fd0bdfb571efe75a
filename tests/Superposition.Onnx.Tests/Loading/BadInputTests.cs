using System.Text;
using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>Files that are not usable models get one clear sentence naming the file, never a parser trace.</summary>
public sealed class BadInputTests
{
    private static SuperpositionException LoadFails(byte[] bytes, string name = "bad.onnx")
    {
        string folder = RepoPaths.NewTempFolder();
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(path));
        Assert.Contains(name, error.Message);
        return error;
    }

    private static byte[] ValidModel() => new ModelBuilder()
        .Initializer(ModelBuilder.Float32("w", [4, 8], new float[32]))
        .Node("MatMul", "mm", ["x", "w"], ["y"]).ToBytes();

    [Fact]
    public void Empty_file_is_named_as_empty()
    {
        var error = LoadFails([]);
        Assert.Equal(ErrorKind.InvalidModel, error.Kind);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Html_page_saved_as_onnx_is_recognised()
    {
        var error = LoadFails(Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body>404 Not Found</body></html>"));
        Assert.Contains("HTML", error.Message);
    }

    [Fact]
    public void Git_lfs_pointer_is_recognised_with_the_fix()
    {
        var error = LoadFails(Encoding.UTF8.GetBytes("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 10485760\n"));
        Assert.Contains("Git LFS pointer", error.Message);
        Assert.Contains("git lfs pull", error.Message);
    }

    [Fact]
    public void Truncated_model_fails_cleanly_at_every_cut()
    {
        byte[] model = ValidModel();
        foreach (int keep in new[] { 1, 3, 10, model.Length / 2, model.Length - 1 })
        {
            var error = LoadFails(model[..keep]);
            Assert.True(error.Kind is ErrorKind.InvalidModel, $"cut at {keep}: {error.Kind}");
        }
    }

    [Fact]
    public void Raw_data_length_disagreeing_with_dims_names_the_tensor_and_both_sizes()
    {
        var tensor = ModelBuilder.Raw("w_bad", DataType.Float, [3, 3], new byte[32]);
        var error = LoadFails(new ModelBuilder().Initializer(tensor).ToBytes());
        Assert.Contains("'w_bad'", error.Message);
        Assert.Contains("32 bytes", error.Message);
        Assert.Contains("36 bytes", error.Message);
    }

    [Fact]
    public void Typed_field_count_disagreeing_with_dims_is_an_error()
    {
        var tensor = new TensorProto { Name = "w_typed", DataType = (int)DataType.Float, Dims = { 2, 2 }, FloatData = { 1, 2, 3 } };
        var error = LoadFails(new ModelBuilder().Initializer(tensor).ToBytes());
        Assert.Contains("float_data holds 3 values", error.Message);
    }

    [Fact]
    public void Random_bytes_are_not_taken_for_a_model()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        Assert.Equal(ErrorKind.InvalidModel, LoadFails(bytes).Kind);
    }

    [Fact]
    public void Missing_file_and_directory_are_named()
    {
        string folder = RepoPaths.NewTempFolder();
        Assert.Contains("not found", Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(Path.Combine(folder, "none.onnx"))).Message);
        Assert.Contains("directory", Assert.Throws<SuperpositionException>(() => OnnxModelLoader.Load(folder)).Message);
    }
}
