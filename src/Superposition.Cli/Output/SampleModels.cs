namespace Superposition.Cli.Output;

/// <summary>The bundled sample model that <c>audit</c> uses when no model is given (copied next to the tool at build).</summary>
internal static class SampleModels
{
    public const string FileName = "ch_PP-OCRv4_rec_infer.onnx";

    public static string DefaultPath()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "samples", FileName);
        if (File.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string inRepo = Path.Combine(dir.FullName, "models", "ppocr-v4-rec", FileName);
            if (File.Exists(inRepo)) return inRepo;
        }

        throw Fail.InvalidArgument("model", "(none)", "a model file: the bundled sample was not found next to the tool");
    }
}
