using System.Reflection;
using PublicApiGenerator;

namespace Superposition.Tests.Shared;

/// <summary>
/// Locks a library's public API in an approved file (tests/PROJECT/PublicApi/ASSEMBLY.approved.txt). A change to the
/// API fails the test with the first differing line; after a deliberate change, re-approve every library with
/// <c>SUPERPOSITION_APPROVE_API=1 dotnet test Superposition.sln -c Release --filter PublicApi</c> and commit the files.
/// </summary>
internal static class PublicApiApproval
{
    public const string ApproveVariable = "SUPERPOSITION_APPROVE_API";

    public static void Verify(Assembly assembly, string testProject)
    {
        var api = assembly.GeneratePublicApi().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepoPaths.Root, "tests", testProject, "PublicApi", assembly.GetName().Name + ".approved.txt");
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, api);
            return;
        }

        var fix = $"If the change is intended, re-approve: {ApproveVariable}=1 dotnet test Superposition.sln -c Release --filter PublicApi";
        Assert.True(File.Exists(path), $"no approved API file {path}. {fix}");
        var approved = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (approved == api) return;

        var expected = approved.Split('\n');
        var actual = api.Split('\n');
        int line = 0;
        while (line < Math.Min(expected.Length, actual.Length) && expected[line] == actual[line]) line++;
        Assert.Fail($"the public API of {assembly.GetName().Name} differs from {path} at line {line + 1}:\n"
            + $"  approved: {(line < expected.Length ? expected[line] : "(end)")}\n  actual:   {(line < actual.Length ? actual[line] : "(end)")}\n{fix}");
    }
}

/// <summary>
/// The public API of the library this test project checks (its name without ".Tests"; the CLI's assembly is
/// "superposition") is the approved one. One file, compiled into every test project.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        var testProject = typeof(PublicApiTests).Assembly.GetName().Name!;
        var library = testProject[..^".Tests".Length];
        var assembly = Assembly.Load(library == "Superposition.Cli" ? "superposition" : library);
        PublicApiApproval.Verify(assembly, testProject);
    }
}
