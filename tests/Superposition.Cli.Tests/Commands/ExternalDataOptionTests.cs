using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Cli.Tests.Commands;

/// <summary>The global --allow-external-outside flag: off, a model cannot reach outside its folder; on, it can.</summary>
public sealed class ExternalDataOptionTests
{
    private static string ModelReadingParentFolder()
    {
        string parent = RepoPaths.NewTempFolder();
        string folder = Directory.CreateDirectory(Path.Combine(parent, "model")).FullName;
        var values = Enumerable.Range(0, 24).Select(i => (float)Math.Sin(i)).ToArray();
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(Path.Combine(parent, "shared.bin"), bytes);
        var tensor = new TensorProto { Name = "w_shared", DataType = (int)DataType.Float, Dims = { 4, 6 }, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "../shared.bin" });
        return new ModelBuilder().Initializer(tensor).Node("MatMul", "mm", ["x", "w_shared"], ["y"]).Save(folder);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("analyze")]
    public void Location_outside_the_folder_is_refused_with_the_flag_named(string verb)
    {
        var result = CliRunner.Run(verb, ModelReadingParentFolder());
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("w_shared", result.Error);
        Assert.Contains("--allow-external-outside", result.Error);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("analyze")]
    public void Flag_lets_the_model_read_outside_its_folder(string verb)
    {
        var result = CliRunner.Run(verb, ModelReadingParentFolder(), "--allow-external-outside");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("w_shared", result.Out);
    }
}
