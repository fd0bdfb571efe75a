using System.Runtime.InteropServices;

namespace Superposition.Spectral.LinearAlgebra.Native;

/// <summary>
/// OpenBLAS' idle worker threads spin on sched_yield for 2^28 cycles (its default THREAD_TIMEOUT 28, about 0.1 s) after
/// every threaded call before they sleep. On a shared machine that spinning is CPU taken from the layers and the other
/// processes: 18 % of the CPU samples of an openWakeWord analysis (benchmarks/results/per-feature.md, run 4). OpenBLAS
/// reads OPENBLAS_THREAD_TIMEOUT when it loads; it is set here to its minimum (4: 2^4 cycles) in the native
/// environment, before the library is loaded, unless the user set it. Only the waiting changes, never the arithmetic.
/// </summary>
internal static partial class OpenBlasWorkers
{
    private const string Variable = "OPENBLAS_THREAD_TIMEOUT";

    /// <summary>Idle workers sleep at once (OpenBLAS clamps the exponent to 4 … 30).</summary>
    private const string SleepAtOnce = "4";

    /// <summary>Sets OPENBLAS_THREAD_TIMEOUT to <see cref="SleepAtOnce"/> unless it is set already (Linux; elsewhere nothing).</summary>
    public static void SleepWhenIdle()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // overwrite = 0: a value in the environment (the user's) stays.
            _ = SetEnvironment(Variable, SleepAtOnce, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: OpenBLAS keeps its default timeout.
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
