using BenchmarkDotNet.Running;

namespace Superposition.Benchmarks;

/// <summary>Entry point: every benchmark class in this assembly, chosen with BenchmarkDotNet's --filter.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // The per-phase scale profile runs minutes per layer: a plain timed run, not a BenchmarkDotNet job.
        if (args.Length >= 2 && args[0] == "scale-profile")
        {
            Environment.ExitCode = Scale.PhaseProfile.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
