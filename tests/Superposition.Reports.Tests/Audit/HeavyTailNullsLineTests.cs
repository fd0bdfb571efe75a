using Superposition.Reports.Audit;
using Superposition.Reports.Tests.Baselines;

namespace Superposition.Reports.Tests.Audit;

/// <summary>The report's line on the randomization null says when that null was computed in float32.</summary>
public sealed class HeavyTailNullsLineTests
{
    [Fact]
    public void A_float32_null_is_named_on_the_line_and_a_float64_one_is_not()
    {
        var analysis = TestFrames.Analyze("layer", 40, 12, TestFrames.Gaussian(40, 12, 5));
        var shuffle = analysis.HeavyTail.Shuffle!;
        Assert.False(shuffle.SinglePrecision);
        var float64 = AuditReportBuilder.HeavyTailNulls(analysis);
        var float32 = AuditReportBuilder.HeavyTailNulls(analysis with { HeavyTail = analysis.HeavyTail with { Shuffle = shuffle with { SinglePrecision = true } } });

        Assert.Contains("Jensen–Shannon distance", float64);
        Assert.DoesNotContain("float32", float64);
        Assert.EndsWith("(null in float32)", float32);
    }
}
