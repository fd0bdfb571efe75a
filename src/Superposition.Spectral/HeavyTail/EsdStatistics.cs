using System.Globalization;
using Superposition.Spectral.Measures;
using Superposition.Spectral.LinearAlgebra;

namespace Superposition.Spectral.HeavyTail;

/// <summary>
/// Heavy-tailed self-regularization statistics of the eigenvalues of WᵀW on the smaller side (MATH.md section 4).
/// The eigenvalues are those of F = W Wᵀ: its top M = min(m, n) eigenvalues are the nonzero spectrum either way.
/// </summary>
internal static class EsdStatistics
{
    public static HeavyTailResult Compute(
        ILinearAlgebraBackend backend,
        FrameInput input,
        IReadOnlyList<double> descending,
        int rank,
        HeavyTailOptions options)
    {
        var bigM = Math.Min(input.HiddenDimensions, input.FeatureCount);
        var bigN = Math.Max(input.HiddenDimensions, input.FeatureCount);
        var q = (double)bigN / bigM;
        var lambdas = descending.Take(bigM).ToArray();
        var lambdaMax = lambdas[0];
        var sum = lambdas.Sum();

        var fit = PowerLawFitter.Fit(lambdas, options.EigenvalueFloor, options.XMinRule, options.MinTailSize, options.LowConfidenceTail);
        var aboveFloor = lambdas.Count(l => l > options.EigenvalueFloor);
        double? alphaWeighted = null;
        double? logAlphaNorm = null;
        string? quality = null;
        string qualityReason;
        if (fit.Succeeded && fit.Alpha is { } alpha)
        {
            alphaWeighted = alpha * Math.Log10(lambdaMax);
            logAlphaNorm = LogAlphaNorm(lambdas.Where(l => l > options.EigenvalueFloor), lambdaMax, alpha);
            (quality, qualityReason) = alpha < options.OverfitAlpha
                ? ("over-fit", Invariant($"α = {alpha:0.###} < {options.OverfitAlpha}"))
                : alpha > options.UndertrainedAlpha
                    ? ("under-trained", Invariant($"α = {alpha:0.###} > {options.UndertrainedAlpha} (fixed, non-learned transforms also land here)"))
                    : ("typical", Invariant($"{options.OverfitAlpha} ≤ α = {alpha:0.###} ≤ {options.UndertrainedAlpha}"));
        }
        else
        {
            qualityReason = "no power-law fit: " + fit.Reason;
        }

        var positive = lambdas.Take(Math.Min(rank, bigM)).ToArray();
        double? entropy = null;
        if (positive.Length > 1)
        {
            entropy = ShannonEntropy(positive) / Math.Log(positive.Length);
        }

        var effectiveRank = Math.Exp(ShannonEntropy(positive.Select(Math.Sqrt).ToArray()));
        return new HeavyTailResult(
            bigM,
            bigN,
            q,
            options.EigenvalueFloor,
            aboveFloor,
            fit,
            Math.Log10(sum),
            Math.Log10(lambdaMax),
            alphaWeighted,
            logAlphaNorm,
            sum / lambdaMax,
            entropy,
            effectiveRank,
            MarchenkoPastur(lambdas, sum, bigM, bigN) with { Fit = options.MarchenkoPasturFit ? MarchenkoPasturFit.Fit(lambdas, bigN, bigM) : null },
            options.ShuffleNull ? ShuffleNull.Compute(backend, input, lambdas, options.ShuffleSeed, options.MarchenkoPasturFit, options.NullSinglePrecisionAbove) : null,
            quality,
            qualityReason);
    }

    /// <summary>λ± = σ²(1 ± 1/sqrt(Q))² for WᵀW/N, σ² = ‖W‖_F²/(N M); spikes are scaled eigenvalues above λ+.</summary>
    internal static MarchenkoPasturResult MarchenkoPastur(double[] descending, double frobeniusSquared, int bigM, int bigN)
    {
        var sigma2 = frobeniusSquared / ((double)bigN * bigM);
        var root = 1.0 / Math.Sqrt((double)bigN / bigM);
        var plus = sigma2 * (1 + root) * (1 + root);
        var minus = sigma2 * (1 - root) * (1 - root);
        var scaled = descending.Select(l => l / bigN).ToArray();
        var spikes = scaled.Where(l => l > plus).ToArray();
        return new MarchenkoPasturResult(sigma2, plus, minus, scaled[0], spikes.Length, spikes, plus / scaled[0]);
    }

    /// <summary>log10 Σ λ^α as α log10 λ_max + log10 Σ (λ/λ_max)^α: λ^α alone overflows for the α of fixed transforms.</summary>
    internal static double LogAlphaNorm(IEnumerable<double> lambdas, double lambdaMax, double alpha) =>
        (alpha * Math.Log10(lambdaMax)) + Math.Log10(lambdas.Sum(l => Math.Pow(l / lambdaMax, alpha)));

    /// <summary>−Σ p ln p with p = x / Σx (x ≥ 0).</summary>
    internal static double ShannonEntropy(IReadOnlyList<double> x)
    {
        var total = x.Sum();
        double h = 0;
        foreach (var v in x)
        {
            if (v > 0)
            {
                var p = v / total;
                h -= p * Math.Log(p);
            }
        }

        return h;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
