using BenchmarkDotNet.Running;

namespace Superposition.Benchmarks;

/// <summary>Entry point: every benchmark class in this assembly, chosen with BenchmarkDotNet's --filter.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
