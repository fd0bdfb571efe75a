using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Superposition.Benchmarks.LinearAlgebra;

/// <summary>
/// Short job for second-long operations: one launch, one warm-up, three measured iterations of a single
/// invocation each (Monitoring strategy: no pilot, no overhead runs). In process, because each operation
/// is long enough that a separate host buys nothing, and it spares rebuilding the whole solution.
/// </summary>
public sealed class EigenBenchmarkConfig : ManualConfig
{
    public EigenBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short"));
        // Min next to the mean: the machine is shared, and the fastest run is the least disturbed one.
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, new GemmRatioColumn());
        Options |= ConfigOptions.JoinSummary;
    }
}
