using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>
/// The backends every contract test runs against. The native rows exist only when LAPACK loads; when it
/// does not, <see cref="NativeFactAttribute"/> tests show up as skipped with the loader's reason.
/// </summary>
internal static class TestBackends
{
    public const string Managed = "managed";
    public const string Native = "native";

    public static IEnumerable<string> Names()
    {
        yield return Managed;
        if (NativeBackend.IsAvailable(out _))
        {
            yield return Native;
        }
    }

    public static ILinearAlgebraBackend Create(string name) => name switch
    {
        Managed => new ManagedBackend(),
        Native => new NativeBackend(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown backend"),
    };

    /// <summary>Every backend crossed with every size.</summary>
    public static TheoryData<string, int> WithSizes(params int[] sizes)
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Names())
        {
            foreach (var n in sizes)
            {
                data.Add(name, n);
            }
        }

        return data;
    }

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }
}

/// <summary>A fact that needs native LAPACK: skipped, with the loader's reason, when no library loads.</summary>
internal sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!NativeBackend.IsAvailable(out var problem))
        {
            Skip = "native LAPACK cannot be loaded on this machine, so the native rows of the backend tests are omitted: " + problem;
        }
    }
}

/// <summary>A theory that needs native LAPACK: skipped, with the loader's reason, when no library loads.</summary>
internal sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (!NativeBackend.IsAvailable(out var problem))
        {
            Skip = "native LAPACK cannot be loaded on this machine: " + problem;
        }
    }
}
