using System.Runtime.InteropServices;

namespace Superposition.Spectral.LinearAlgebra.Native;

/// <summary>
/// The Fortran LAPACK/BLAS entry points the native backend calls, resolved once from whichever library
/// loads first. Function pointers instead of <c>[DllImport]</c>: the two routines may live in two different
/// libraries (reference <c>liblapack.so.3</c> + <c>libblas.so.3</c>), and a per-assembly DllImport resolver
/// could clash with other code in this assembly. All arguments are pointers (Fortran passes by reference);
/// character arguments are followed by hidden lengths (<c>size_t</c> for gfortran ≥ 8), passed last.
/// Integers are 32-bit (LP64 builds, as Debian ships).
/// </summary>
internal sealed unsafe class LapackLibrary
{
    /// <summary>What is tried, in order: OpenBLAS exports LAPACK too; otherwise the system LAPACK + BLAS pair.</summary>
    internal static readonly IReadOnlyList<LibraryCandidate> DefaultCandidates =
    [
        new("libopenblas.so.0"),
        new("liblapack.so.3", "libblas.so.3"),
    ];

    private static readonly Lazy<(LapackLibrary? Library, string Problem)> Default =
        new(() => TryLoad(DefaultCandidates), LazyThreadSafetyMode.ExecutionAndPublication);

    private LapackLibrary(string description, Func<string, nint> export)
    {
        Description = description;
        Dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)export("dsyevd_");
        Ssyevd = (delegate* unmanaged<byte*, byte*, int*, float*, int*, float*, float*, int*, int*, int*, int*, nuint, nuint, void>)export("ssyevd_");
        Dsyrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nuint, nuint, void>)export("dsyrk_");
        Ssyrk = (delegate* unmanaged<byte*, byte*, int*, int*, float*, float*, int*, float*, float*, int*, nuint, nuint, void>)export("ssyrk_");
        Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void>)export("dgemm_");
        Sgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, float*, float*, int*, float*, int*, float*, float*, int*, nuint, nuint, void>)export("sgemm_");
        Dgesdd = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void>)export("dgesdd_");
    }

    /// <summary>Which library answered, e.g. "libopenblas.so.0, OpenBLAS 0.3.21 DYNAMIC_ARCH ...".</summary>
    public string Description { get; }

    // dsyevd(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info)
    public delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void> Dsyevd { get; }

    public delegate* unmanaged<byte*, byte*, int*, float*, int*, float*, float*, int*, int*, int*, int*, nuint, nuint, void> Ssyevd { get; }

    // dsyrk(uplo, trans, n, k, alpha, a, lda, beta, c, ldc)
    public delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nuint, nuint, void> Dsyrk { get; }

    public delegate* unmanaged<byte*, byte*, int*, int*, float*, float*, int*, float*, float*, int*, nuint, nuint, void> Ssyrk { get; }

    // dgemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    public delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void> Dgemm { get; }

    public delegate* unmanaged<byte*, byte*, int*, int*, int*, float*, float*, int*, float*, int*, float*, float*, int*, nuint, nuint, void> Sgemm { get; }

    // dgesdd(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info)
    public delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void> Dgesdd { get; }

    // dtplqt(m, n, l, mb, a, lda, b, ldb, t, ldt, work, info): LAPACK 3.7+, optional (0 when absent).
    internal nint DtplqtExport { get; init; }

    // dpotrf(uplo, n, a, lda, info): optional like dtplqt.
    internal nint DpotrfExport { get; init; }

    // dsyevd_2stage(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info): LAPACK 3.7+, optional; values only
    // (jobz 'N'): the two-stage tridiagonal reduction is mostly BLAS 3, where dsyevd's one-stage dsytrd is half BLAS 2.
    internal nint Dsyevd2StageExport { get; init; }

    // dtrsm(side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb): optional like dtplqt.
    internal nint DtrsmExport { get; init; }

    /// <summary>The process-wide library (loaded on first use), or null with the reason nothing loaded.</summary>
    public static LapackLibrary? Shared(out string problem)
    {
        var (library, reason) = Default.Value;
        problem = reason;
        return library;
    }

    /// <summary>Tries the candidates in order; the first whose libraries load and export every routine wins.</summary>
    internal static (LapackLibrary? Library, string Problem) TryLoad(IReadOnlyList<LibraryCandidate> candidates)
    {
        var problems = new List<string>();
        OpenBlasWorkers.SleepWhenIdle();
        foreach (var candidate in candidates)
        {
            var handles = new List<nint>();
            try
            {
                foreach (var name in candidate.Libraries)
                {
                    if (!NativeLibrary.TryLoad(name, out var handle))
                    {
                        throw new DllNotFoundException(name + " not found");
                    }

                    handles.Add(handle);
                }

                var library = new LapackLibrary(Describe(candidate, handles), symbol => Export(handles, symbol))
                {
                    SetThreadsExport = OptionalExport(handles, "openblas_set_num_threads"),
                    GetThreadsExport = OptionalExport(handles, "openblas_get_num_threads"),
                    DtplqtExport = OptionalExport(handles, "dtplqt_"),
                    DtrsmExport = OptionalExport(handles, "dtrsm_"),
                    DpotrfExport = OptionalExport(handles, "dpotrf_"),
                    Dsyevd2StageExport = OptionalExport(handles, "dsyevd_2stage_"),
                };
                return (library, "");
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Handles stay loaded only for the winner; a partial candidate is released.
                foreach (var handle in handles)
                {
                    NativeLibrary.Free(handle);
                }

                problems.Add(candidate + ": " + e.Message);
            }
        }

        return (null, string.Join("; ", problems));
    }

    /// <summary>OpenBLAS' thread control (absent from reference LAPACK/BLAS): 0 when not exported.</summary>
    internal nint SetThreadsExport { get; init; }

    internal nint GetThreadsExport { get; init; }

    /// <summary>Threads OpenBLAS uses inside one call, or 1 for a library without its own threads.</summary>
    public int Threads => GetThreadsExport == 0 ? 1 : ((delegate* unmanaged<int>)GetThreadsExport)();

    /// <summary>Sets OpenBLAS' thread count for later calls; no effect on libraries without threads.</summary>
    public void SetThreads(int threads)
    {
        if (SetThreadsExport != 0) ((delegate* unmanaged<int, void>)SetThreadsExport)(Math.Max(1, threads));
    }

    private static nint OptionalExport(List<nint> handles, string symbol)
    {
        foreach (var handle in handles)
        {
            if (NativeLibrary.TryGetExport(handle, symbol, out var address)) return address;
        }

        return 0;
    }

    private static nint Export(List<nint> handles, string symbol)
    {
        foreach (var handle in handles)
        {
            if (NativeLibrary.TryGetExport(handle, symbol, out var address))
            {
                return address;
            }
        }

        throw new EntryPointNotFoundException(symbol + " not exported");
    }

    private static string Describe(LibraryCandidate candidate, List<nint> handles)
    {
        // Debian's liblapack.so.3 may be OpenBLAS behind the alternatives symlink: say so when it is.
        foreach (var handle in handles)
        {
            if (NativeLibrary.TryGetExport(handle, "openblas_get_config", out var address))
            {
                var config = Marshal.PtrToStringAnsi(((delegate* unmanaged<nint>)address)());
                if (!string.IsNullOrWhiteSpace(config))
                {
                    return candidate + ", " + config.Trim();
                }
            }
        }

        return candidate.ToString();
    }
}
