using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.LinearAlgebra.Native;

namespace Superposition.Spectral.Tests.LinearAlgebra;

/// <summary>The factory, library resolution and the names the backends report.</summary>
public sealed class LinearAlgebraBackendsTests
{
    private const string ReferenceLapack = "/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3";
    private const string ReferenceBlas = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3";

    [Fact]
    public void Managed_choice_gives_the_managed_backend_named_with_its_version()
    {
        var backend = LinearAlgebraBackends.Create(BackendChoice.Managed);

        Assert.IsType<ManagedBackend>(backend);
        Assert.Equal("managed (MathNet.Numerics 5.0.0)", backend.Name);
    }

    [NativeFact]
    public void Auto_prefers_native_when_it_loads()
    {
        var backend = LinearAlgebraBackends.Create(BackendChoice.Auto);

        Assert.IsType<NativeBackend>(backend);
        Assert.StartsWith("native LAPACK (", backend.Name, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Native_name_says_which_library_loaded()
    {
        var name = LinearAlgebraBackends.Create(BackendChoice.Native).Name;

        // On this machine OpenBLAS is installed, so the first candidate wins and reports its build.
        Assert.Contains("libopenblas.so.0", name, StringComparison.Ordinal);
        Assert.Contains("OpenBLAS", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_libraries_are_reported_with_every_candidate_tried()
    {
        var (library, problem) = LapackLibrary.TryLoad([new("libno-such-lapack.so.3"), new("libno-such-a.so", "libno-such-b.so")]);

        Assert.Null(library);
        Assert.Contains("libno-such-lapack.so.3", problem, StringComparison.Ordinal);
        Assert.Contains("libno-such-a.so + libno-such-b.so", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_backend_without_a_library_fails_with_the_install_hint()
    {
        var e = NativeBackend.Missing("libopenblas.so.0: not found");

        Assert.Equal(ErrorKind.NativeLibraryMissing, e.Kind);
        Assert.Contains("apt-get install libopenblas0-pthread", e.Message, StringComparison.Ordinal);
        Assert.Contains("LAPACK (liblapack.so.3 / libopenblas.so.0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_without_the_routines_is_skipped_for_the_next_candidate()
    {
        // libm loads but exports no LAPACK: the loader must move on rather than fail later in a call.
        var (library, problem) = LapackLibrary.TryLoad([new("libm.so.6"), new("libno-such-lapack.so.3")]);

        Assert.Null(library);
        Assert.Contains("not exported", problem, StringComparison.Ordinal);
    }

    [ReferenceLapackFact]
    public void Reference_lapack_and_blas_pair_works_as_the_fallback()
    {
        // Debian's netlib builds, loaded by full path (the plain names point at OpenBLAS here).
        var (library, problem) = LapackLibrary.TryLoad([new(ReferenceLapack, ReferenceBlas)]);
        Assert.True(library is not null, problem);
        var backend = new NativeBackend(library);
        const int n = 30;
        var values = new double[n];

        backend.SymmetricEigen(n, TestMatrices.SecondDifference(n), values, computeVectors: false);

        // Its BLAS dependency may resolve to an already loaded OpenBLAS; the name then says so after a comma.
        Assert.StartsWith("native LAPACK (" + ReferenceLapack + " + " + ReferenceBlas, backend.Name, StringComparison.Ordinal);
        for (var k = 1; k <= n; k++)
        {
            Assert.Equal(2 - (2 * Math.Cos(k * Math.PI / (n + 1))), values[k - 1], 1e-13);
        }
    }

    [Fact]
    public void Syevd_workspace_never_drops_below_the_documented_minimum()
    {
        // At n = 2900 the float32 query returns 1+6n+2n² rounded through a float: 16837401 → 16837400.
        const int n = 2900;
        const long minimum = 1 + (6 * n) + (2L * n * n);
        var (work, iwork) = NativeBackend.SyevdWorkspace(n, computeVectors: true, queriedWork: (float)minimum, queriedIwork: 0);

        Assert.Equal(16837401, minimum);
        Assert.Equal(minimum, work);
        Assert.Equal(3 + (5 * n), iwork);
    }

    [Fact]
    public void Syevd_workspace_is_computed_in_64_bits()
    {
        var (work, _) = NativeBackend.SyevdWorkspace(40000, computeVectors: true, queriedWork: -1, queriedIwork: 0);

        Assert.Equal(1 + (6L * 40000) + (2L * 40000 * 40000), work);
        Assert.True(work > int.MaxValue);
    }

    [Fact]
    public void Values_only_workspace_keeps_room_asked_for_by_the_query()
    {
        var (work, iwork) = NativeBackend.SyevdWorkspace(1000, computeVectors: false, queriedWork: 34000, queriedIwork: 1);

        Assert.Equal(34000, work);
        Assert.Equal(1, iwork);
    }
}

/// <summary>Runs only where Debian's reference (netlib) LAPACK and BLAS are installed.</summary>
internal sealed class ReferenceLapackFactAttribute : FactAttribute
{
    public ReferenceLapackFactAttribute()
    {
        if (!File.Exists("/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3") || !File.Exists("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"))
        {
            Skip = "Debian's reference LAPACK/BLAS (packages liblapack3, libblas3) are not installed";
        }
    }
}
