using System.CommandLine;
using Superposition.Cli.Commands;

namespace Superposition.Cli;

/// <summary>
/// Builds the command tree and runs it. Every command's failure reaches the user as one line on stderr and a
/// named exit code (see <see cref="ErrorKind"/>); stack traces only with SUPERPOSITION_DEBUG=1.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr);
        var root = new RootCommand("superposition: measures how the layers of an ONNX model pack features into too few dimensions, "
            + "checks the measurements against toy models of superposition, and writes an audit report.");
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        root.Options.Add(CommonOptions.AllowExternalOutside);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("run 'superposition --help' (or 'superposition COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (SuperpositionException e)
        {
            stderr.WriteLine("error: " + e.Message);
            if (Debug) stderr.WriteLine(e);
            return (int)e.Kind;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled.");
            return 130;
        }
        catch (Exception e) when (!Debug)
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message} (rerun with SUPERPOSITION_DEBUG=1 for details, and please report it)");
            return (int)ErrorKind.Internal;
        }
    }

    private static bool Debug => Environment.GetEnvironmentVariable("SUPERPOSITION_DEBUG") == "1";
}
