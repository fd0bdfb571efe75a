namespace Superposition.Fuzz;

/// <summary>Runs saved inputs through the target outside AFL: the regression check for minimised findings.</summary>
internal static class Replay
{
    public static int Run(IEnumerable<string> paths, string externalDirectory)
    {
        int files = 0;
        int findings = 0;
        int accepted = 0;
        foreach (string file in Expand(paths))
        {
            files++;
            try
            {
                if (LoaderTarget.Run(File.ReadAllBytes(file), externalDirectory)) accepted++;
            }
            catch (Exception e)
            {
                findings++;
                Console.Error.WriteLine($"{file}: {e}");
            }
        }

        Console.WriteLine($"replayed {files} inputs: {accepted} accepted, {files - accepted - findings} rejected with a clear error, {findings} findings");
        return findings == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (!Path.GetFileName(file).StartsWith('.') && !file.EndsWith(".md", StringComparison.Ordinal)) yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
