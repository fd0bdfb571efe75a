using Spectre.Console;

namespace Superposition.Cli;

/// <summary>Where a command writes: plain writers for tests and pipes, a Spectre console for tables and progress.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        bool interactive = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Console.Profile.Width = 160;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    /// <summary>True when progress bars can be drawn (a terminal, not a pipe or a test).</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive;

    /// <summary>A status line on stderr, for long work when no progress bar can be drawn.</summary>
    public void Status(string message) => Error.WriteLine(message);
}
