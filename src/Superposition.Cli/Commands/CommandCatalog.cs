using System.CommandLine;

namespace Superposition.Cli.Commands;

/// <summary>The verbs of the tool, one file each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return InspectCommand.Create(context);
        yield return AnalyzeCommand.Create(context);
        yield return AuditCommand.Create(context);
        yield return ProbeCommand.Create(context);
        yield return ToyCommand.Create(context);
        yield return CompareCommand.Create(context);
        yield return MergeCommand.Create(context);
        yield return DiffCommand.Create(context);
    }
}
