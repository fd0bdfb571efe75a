using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;
using Xunit.Abstractions;

namespace Superposition.Spectral.Tests.Measures;

/// <summary>The managed and native backends must give the same analysis: every metric within 1e-9 relative.</summary>
public sealed class BackendAgreementTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases => ["random-16x200", "low-rank-20x120", "dead-8x40", "tall-30x10", "pentagon", "antiprism", "tegum", "reference"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Managed_and_native_backends_agree_on_every_metric(string name)
    {
        if (Backends.Native is not { } native)
        {
            output.WriteLine("native LAPACK not available on this machine: nothing to compare");
            return;
        }

        var input = Input(name);
        var options = new AnalysisOptions { PerFeature = true };
        var managed = FrameAnalyzer.Analyze(input, options, Backends.Managed);
        var lapack = FrameAnalyzer.Analyze(input, options, native);

        Metrics.AssertClose(managed, lapack, Tolerance);
        Assert.Equal(managed.HeavyTail.Shuffle!.LambdaMaxRatio, lapack.HeavyTail.Shuffle!.LambdaMaxRatio, Tolerance);
        Assert.NotEqual(managed.Backend, lapack.Backend);
    }

    private static FrameInput Input(string name) => name switch
    {
        "random-16x200" => TestFrames.Random(16, 200, 1),
        "low-rank-20x120" => TestFrames.LowRank(20, 120, 7, 2),
        "dead-8x40" => TestFrames.WithDeadFeatures(TestFrames.Random(8, 38, 3), 1, 20),
        "tall-30x10" => TestFrames.Random(30, 10, 4),
        "pentagon" => TestFrames.Polygon(5),
        "antiprism" => TestFrames.SquareAntiprism(),
        "tegum" => TestFrames.TegumTriangleDigon(),
        "reference" => FrameAnalyzerReferenceTests.Frame(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
