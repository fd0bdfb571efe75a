namespace Superposition.Spectral.Measures;

/// <summary>How conv kernels [out, in, k…] enter the heavy-tail statistics (MATH.md section 4).</summary>
public enum ConvKernels
{
    /// <summary>Our frame only: out filters in R^(in·k…) (default).</summary>
    Flattened,

    /// <summary>Also WeightWatcher's treatment: the k… slices [out, in], eigenvalues pooled (conv2d_norm applied).</summary>
    Slices,
}

/// <summary>WeightWatcher's per-slice view of a conv kernel: one [out, in] matrix per kernel tap, eigenvalues pooled.</summary>
/// <param name="Slices">Kernel taps kh·kw (k for a 1-D kernel).</param>
/// <param name="N">Larger side of a slice.</param>
/// <param name="M">Smaller side of a slice; Slices·M eigenvalues are pooled.</param>
/// <param name="NormFactor">Each slice was multiplied by this (sqrt(c/2), WeightWatcher's conv2d_norm).</param>
/// <param name="PowerLaw">The power-law fit of the pooled eigenvalues (same rule and floor as the frame's).</param>
/// <param name="LogNorm">log10 Σλ of the pooled eigenvalues.</param>
/// <param name="LogSpectralNorm">log10 λ_max.</param>
/// <param name="AlphaWeighted">α log10 λ_max; null when the fit failed.</param>
public sealed record ConvSliceResult(
    int Slices,
    int N,
    int M,
    double NormFactor,
    PowerLawFit PowerLaw,
    double LogNorm,
    double LogSpectralNorm,
    double? AlphaWeighted);
