namespace Superposition.Onnx.Loading;

/// <summary>
/// Resolves an external-data <c>location</c> against the model's folder and refuses, unless allowed, any
/// location that leaves it: rooted paths, <c>..</c> segments, and symbolic links (of the file or of a folder on
/// the way) whose target lies outside the folder.
/// </summary>
internal static class ExternalLocation
{
    private const int MaxLinkHops = 40;

    /// <summary>The path to open, or a reason (non-null) why the location is refused.</summary>
    public static (string Path, string? Refusal) Resolve(string modelDirectory, string location, bool allowOutside)
    {
        if (location.Contains('\0', StringComparison.Ordinal)) return ("", "contains a NUL character");
        bool rooted = Path.IsPathRooted(location);
        string path = rooted ? location : Path.Combine(modelDirectory, location);
        if (allowOutside) return (path, null);
        if (rooted) return (path, "is an absolute path");
        if (location.Split('/', '\\').Contains("..")) return (path, "climbs out with '..'");

        string folder = RealPath(Path.GetFullPath(modelDirectory));
        string target = RealPath(Path.GetFullPath(path));
        if (folder.Length == 0 || target.Length == 0) return (path, $"passes more than {MaxLinkHops} symbolic links");
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return target.StartsWith(prefix, StringComparison.Ordinal) ? (path, null) : (path, $"leads through a symbolic link to '{target}'");
    }

    /// <summary>
    /// The path with every symbolic link on it resolved (components that do not exist are kept as they are);
    /// empty when more than <see cref="MaxLinkHops"/> links are passed (a loop).
    /// </summary>
    internal static string RealPath(string fullPath)
    {
        int hops = 0;
        string resolved = RealPath(fullPath, ref hops);
        return hops > MaxLinkHops ? "" : resolved;
    }

    private static string RealPath(string fullPath, ref int hops)
    {
        string root = Path.GetPathRoot(fullPath) ?? "/";
        string current = root;
        foreach (string part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            // LinkTarget reads the link itself (lstat), for a linked file and a linked folder alike.
            if (new FileInfo(next).LinkTarget is string link && ++hops <= MaxLinkHops + 1)
            {
                current = RealPath(Path.GetFullPath(link, current), ref hops);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
