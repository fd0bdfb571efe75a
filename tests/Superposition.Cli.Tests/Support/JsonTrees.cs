using System.Text.Json;

namespace Superposition.Cli.Tests.Support;

/// <summary>
/// Compares two JSON documents value by value: strings, booleans and integers exactly; floating-point numbers to a
/// relative tolerance (runs with different BLAS thread counts may round differently); keys named in
/// <c>ignore</c> (wall times) skipped at every depth. Returns the paths that differ.
/// </summary>
internal static class JsonTrees
{
    public static List<string> Differences(string expectedFile, string actualFile, double relativeTolerance, params string[] ignore)
    {
        using var a = JsonDocument.Parse(File.ReadAllText(expectedFile));
        using var b = JsonDocument.Parse(File.ReadAllText(actualFile));
        var found = new List<string>();
        Compare(a.RootElement, b.RootElement, "$", relativeTolerance, ignore.ToHashSet(), found);
        return found;
    }

    private static void Compare(JsonElement x, JsonElement y, string path, double tolerance, HashSet<string> ignore, List<string> found)
    {
        if (found.Count > 20) return;
        if (x.ValueKind != y.ValueKind)
        {
            found.Add($"{path}: {x.ValueKind} vs {y.ValueKind}");
            return;
        }

        switch (x.ValueKind)
        {
            case JsonValueKind.Object:
                var xs = x.EnumerateObject().Where(p => !ignore.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value);
                var ys = y.EnumerateObject().Where(p => !ignore.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value);
                foreach (var key in xs.Keys.Union(ys.Keys))
                {
                    if (!xs.TryGetValue(key, out var xv) || !ys.TryGetValue(key, out var yv)) found.Add($"{path}.{key}: present in one file only");
                    else Compare(xv, yv, $"{path}.{key}", tolerance, ignore, found);
                }

                break;
            case JsonValueKind.Array:
                if (x.GetArrayLength() != y.GetArrayLength())
                {
                    found.Add($"{path}: length {x.GetArrayLength()} vs {y.GetArrayLength()}");
                    return;
                }

                var i = 0;
                foreach (var (xe, ye) in x.EnumerateArray().Zip(y.EnumerateArray())) Compare(xe, ye, $"{path}[{i++}]", tolerance, ignore, found);
                break;
            case JsonValueKind.Number:
                if (x.TryGetInt64(out var xl) && y.TryGetInt64(out var yl))
                {
                    if (xl != yl) found.Add($"{path}: {xl} vs {yl}");
                }
                else
                {
                    double xd = x.GetDouble(), yd = y.GetDouble();
                    if (Math.Abs(xd - yd) > tolerance * Math.Max(1.0, Math.Abs(xd))) found.Add($"{path}: {xd:R} vs {yd:R}");
                }

                break;
            default:
                if (x.ToString() != y.ToString()) found.Add($"{path}: '{x}' vs '{y}'");
                break;
        }
    }
}
