namespace Superposition.Spectral.Measures;

/// <summary>Checks of the grouping, scheme-test and WeightWatcher-parity options.</summary>
internal static partial class OptionsValidation
{
    private static void ValidateSpectralDepth(AnalysisOptions o)
    {
        if (!Enum.IsDefined(o.Grouping))
        {
            throw Fail.InvalidArgument(nameof(o.Grouping), o.Grouping, "gaps or fixed");
        }

        if (!(o.GapRatio >= 1 && double.IsFinite(o.GapRatio)))
        {
            throw Fail.InvalidArgument(nameof(o.GapRatio), o.GapRatio, "a finite number >= 1");
        }

        Positive(nameof(o.MaxGroupSpread), o.MaxGroupSpread);
        ArgumentNullException.ThrowIfNull(o.HeavyTail);
        if (!Enum.IsDefined(o.HeavyTail.XMinRule))
        {
            throw Fail.InvalidArgument("HeavyTail.XMinRule", o.HeavyTail.XMinRule, "weightwatcher or minimum-tail");
        }

        AtLeast("HeavyTail.LowConfidenceTail", o.HeavyTail.LowConfidenceTail, 1);
        ArgumentNullException.ThrowIfNull(o.Polytopes);
        Positive("Polytopes.ClusterTightTolerance", o.Polytopes.ClusterTightTolerance);
        Positive("Polytopes.IdempotencyTolerance", o.Polytopes.IdempotencyTolerance);
    }
}
