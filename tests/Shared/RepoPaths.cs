namespace Superposition.Tests.Shared;

/// <summary>Locates the repository (for bundled sample models) from the test assembly's folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Superposition.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Superposition.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Models => Path.Combine(Root, "models");

    public static string Recognizer => Path.Combine(Models, "ppocr-v4-rec", "ch_PP-OCRv4_rec_infer.onnx");

    public static string SileroVad => Path.Combine(Models, "silero-vad-v5", "silero_vad_v5.onnx");

    public static string WakeWordHead => Path.Combine(Models, "openwakeword", "hello_deepa.onnx");

    /// <summary>Debian's libonnx-testdata (the ONNX backend test models).</summary>
    public const string OnnxTestData = "/usr/share/libonnx-testdata/data";

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "superposition-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
