using System.Runtime.InteropServices;
using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>The OpenBLAS idle-worker timeout is put into the native environment (what OpenBLAS reads when it loads).</summary>
public sealed partial class OpenBlasWorkersTests
{
    [Fact]
    public void The_timeout_is_in_the_native_environment_and_a_set_value_is_kept()
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = NativeValue();
        OpenBlasWorkers.SleepWhenIdle();
        var after = NativeValue();

        // Unset before: now the minimum exponent; set before (by the user, or an earlier call): unchanged.
        Assert.Equal(before ?? "4", after);
        OpenBlasWorkers.SleepWhenIdle();
        Assert.Equal(after, NativeValue());
    }

    private static string? NativeValue() => Marshal.PtrToStringUTF8(GetEnvironment("OPENBLAS_THREAD_TIMEOUT"));

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnvironment(string name);
}
