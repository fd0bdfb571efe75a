using Superposition.Spectral.Pipeline;

namespace Superposition.Reports.Diff;

/// <summary>
/// Peak bytes of comparing one pair of layers (docs/methods.md, "Model diff"), checked against the same memory budget
/// <c>analyze</c> admits each layer's analysis with (<see cref="ModelAnalysisOptions.MemoryBudgetBytes"/>); pairs are
/// compared one at a time, after both analyses.
/// </summary>
public static class DiffCost
{
    /// <summary>
    /// The two frames in double (8 n m each), for equal shapes the difference (8 n m); the two m × m eigenbases with
    /// their operators (4 m² doubles each side); the Uᵀ W blocks of the spectral-measure drift (2 m × 1024 each side);
    /// and with the noise reference the noisy copy, its Gaussian, and one more layer analysis (<see cref="LayerCost.Bytes"/>).
    /// </summary>
    public static long Bytes(LayerAnalysis a, LayerAnalysis b, bool noiseReference)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        long na = a.Features, ma = a.Hidden, nb = b.Features, mb = b.Hidden;
        bool sameShape = na == nb && ma == mb;
        long doubles = (na * ma) + (nb * mb) + (sameShape ? na * ma : 0) + (4 * ((ma * ma) + (mb * mb))) + (2 * 1024 * (ma + mb));
        long bytes = sizeof(double) * doubles;
        if (noiseReference && sameShape) bytes += (sizeof(double) * 2 * na * ma) + LayerCost.Bytes(na, ma);
        return bytes;
    }
}
