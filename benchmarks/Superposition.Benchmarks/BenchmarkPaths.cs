namespace Superposition.Benchmarks;

/// <summary>Finds the repository's bundled models from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class BenchmarkPaths
{
    public static string Root
    {
        get
        {
            foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Superposition.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("run the benchmarks from inside the repository");
        }
    }

    public static string Recognizer => Path.Combine(Root, "models", "ppocr-v4-rec", "ch_PP-OCRv4_rec_infer.onnx");
}
