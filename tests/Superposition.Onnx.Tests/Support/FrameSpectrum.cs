using System.Runtime.InteropServices;
using Superposition.Onnx.Orientation;

namespace Superposition.Onnx.Tests.Support;

/// <summary>
/// An independent reference for the tests: eigenvalues of F = W Wᵀ from LAPACK (dsyrk to form F, dsyev for its
/// eigenvalues) in the system's OpenBLAS, called directly, not through the tool's own linear-algebra backends.
/// </summary>
internal static unsafe class FrameSpectrum
{
    private static readonly Lazy<(IntPtr Syrk, IntPtr Syev)> Routines = new(() =>
    {
        foreach (string name in new[] { "libopenblas.so.0", "libopenblas.so" })
        {
            if (NativeLibrary.TryLoad(name, out var handle)
                && NativeLibrary.TryGetExport(handle, "dsyrk_", out var syrk) && NativeLibrary.TryGetExport(handle, "dsyev_", out var syev))
            {
                return (syrk, syev);
            }
        }

        throw new InvalidOperationException("libopenblas.so.0 with dsyrk_/dsyev_ not found: apt-get install libopenblas0-pthread (scripts/install-deps.sh does this)");
    });

    /// <summary>The frame read in its auto orientation (m × n, column-major) and the eigenvalues of W Wᵀ, descending.</summary>
    public static (double[] Frame, double[] Eigenvalues) Of(WeightMatrix matrix)
    {
        var orientation = matrix.Orient(OrientationChoice.Auto);
        var frame = matrix.ReadFrame(orientation.FeatureAxis);
        return (frame, Eigenvalues(frame, orientation.Hidden, orientation.Features));
    }

    /// <summary>Eigenvalues of W Wᵀ for a column-major m × n frame, descending.</summary>
    public static double[] Eigenvalues(double[] frame, int m, int n)
    {
        var (syrkPointer, syevPointer) = Routines.Value;
        var syrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, void>)syrkPointer;
        var syev = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, void>)syevPointer;
        var f = new double[(long)m * m];
        var eigenvalues = new double[m];
        int lwork = Math.Max(1, 3 * m), info = 0, lda = m, k = n, order = m;
        var work = new double[lwork];
        double one = 1, zero = 0;
        byte upper = (byte)'U', noTranspose = (byte)'N', valuesOnly = (byte)'N';
        fixed (double* a = frame, c = f, w = eigenvalues, scratch = work)
        {
            syrk(&upper, &noTranspose, &order, &k, &one, a, &lda, &zero, c, &order);
            syev(&valuesOnly, &upper, &order, c, &order, w, scratch, &lwork, &info);
        }

        if (info != 0) throw new InvalidOperationException($"dsyev failed with info = {info}");
        Array.Reverse(eigenvalues); // dsyev returns them ascending
        return eigenvalues;
    }
}
