using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Superposition.Reports.Exports;
using Superposition.Tests.Shared;

namespace Superposition.Reports.Tests.Exports;

/// <summary>
/// Every field of the JSON that <c>analyze --json</c> writes (the <see cref="AnalysisDocument"/> tree, probe
/// included) is documented in docs/methods.md or one of its pages under docs/methods/, written there as
/// <c>`fieldName`</c> in the section of its quantity. A new record field fails this test with its JSON path and the C#
/// property to document.
/// </summary>
public sealed partial class MethodsDocumentationTests
{
    private static string MethodsPath => Path.Combine(RepoPaths.Root, "docs", "methods.md");

    /// <summary>docs/methods.md and the pages it indexes (docs/methods/*.md).</summary>
    private static string MethodsText => string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "methods"), "*.md")
        .Order(StringComparer.Ordinal).Prepend(MethodsPath).Select(File.ReadAllText));

    [Fact]
    public void Every_field_of_the_analysis_json_is_documented_in_docs_methods_md()
    {
        // `a.b.c` documents a, b and c.
        var documented = BacktickedNames().Matches(MethodsText).SelectMany(m => m.Groups[1].Value.Split('.')).ToHashSet(StringComparer.Ordinal);
        var fields = new List<(string Path, string Name, string Property)>();
        Walk(typeof(AnalysisDocument), "", fields, []);

        var missing = fields.Where(f => !documented.Contains(f.Name)).Select(f => $"  {f.Path} -> write `{f.Name}` ({f.Property})").Distinct().ToList();
        Assert.True(missing.Count == 0,
            $"docs/methods.md and docs/methods/ do not document {missing.Count} JSON field(s) of the analysis document; add each as `name` to the section of its quantity:\n"
            + string.Join('\n', missing));
    }

    [Fact]
    public void The_walk_finds_fields_at_every_depth()
    {
        // Guards the test above: a walk that found nothing would pass vacuously.
        var fields = new List<(string Path, string Name, string Property)>();
        Walk(typeof(AnalysisDocument), "", fields, []);
        Assert.Contains(fields, f => f.Path == "layers[].esd.powerLaw.ksDistance");
        Assert.Contains(fields, f => f.Path == "layers[].capacity.identityResidual");
        Assert.Contains(fields, f => f.Path == "probe.tensors[].decay.exponent");
        Assert.Contains(fields, f => f.Path == "failed[].kind");
    }

    [Fact]
    public void Readme_and_docs_link_only_inside_the_repository()
    {
        foreach (var file in new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.Root, f))))
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length == 0) continue;
                Assert.False(target.Contains("://", StringComparison.Ordinal), $"{file}: link to {target} leaves the repository");
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(RepoPaths.Root, file))!, target));
                Assert.True(resolved.StartsWith(RepoPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{file}: link to {target} leaves the repository");
                Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{file}: link to {target}, which does not exist");
            }
        }
    }

    private static void Walk(Type type, string path, List<(string Path, string Name, string Property)> fields, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Element(type) is { } element)
        {
            Walk(element, path + "[]", fields, seen);
            return;
        }

        if (!IsOurs(type) || type.IsEnum || !seen.Add(type)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var childPath = path.Length == 0 ? name : path + "." + name;
            fields.Add((childPath, name, $"{property.DeclaringType!.FullName}.{property.Name}"));
            Walk(property.PropertyType, childPath, fields, seen);
        }

        seen.Remove(type);
    }

    private static Type? Element(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return list?.GetGenericArguments()[0];
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Superposition", StringComparison.Ordinal) == true;

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9]*(?:(?:\.|\[\]\.)[A-Za-z][A-Za-z0-9]*)*)(?:\[\])?`")]
    private static partial Regex BacktickedNames();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
