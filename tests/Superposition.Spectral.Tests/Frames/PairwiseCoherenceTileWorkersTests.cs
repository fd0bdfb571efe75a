using Superposition.Spectral.Frames;
using Superposition.Spectral.LinearAlgebra;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Frames;

/// <summary>The float32 scan of a layer running alone: tiles' Gemm on two workers, pairs added in the same order, so the same bits.</summary>
public sealed class PairwiseCoherenceTileWorkersTests
{
    [Theory]
    [InlineData(256, 1500, 1, 128, 100_000)]
    [InlineData(200, 1213, 2, 100, 100_000)]
    [InlineData(128, 1800, 3, 128, 300)]
    public void Two_workers_give_the_result_of_one_call_at_a_time(int m, int n, int seed, int block, int exactLimit)
    {
        var backend = Backends.Native ?? throw new InvalidOperationException("this test needs a native LAPACK (scripts/install-deps.sh installs OpenBLAS)");
        var threaded = (IThreadedBackend)backend;
        var input = WithDuplicates(TestFrames.Random(m, n, seed));
        var frame = LiveFrame.From(input, AnalysisOptions.Default.DeadFeatureNormSquared);
        var options = new CoherenceOptions { SinglePrecisionAbove = 10, BlockSize = block, ExactFeatureLimit = exactLimit, SampleSize = 200, Seed = 5 };
        var before = threaded.Threads;
        threaded.SetThreads(2);
        try
        {
            var alone = PairwiseCoherence.Compute(backend, frame, options);
            CoherenceResult workers;
            using (SoleCaller.Enter())
            {
                workers = PairwiseCoherence.Compute(backend, frame, options);
            }

            Assert.Equal(2, threaded.Threads);
            Assert.Equal(exactLimit > n, workers.Exact);
            Assert.Equal(alone.PairsExamined, workers.PairsExamined);
            Assert.Equal(Bits(alone.MaxCoherence), Bits(workers.MaxCoherence));
            Assert.Equal(Bits(alone.MeanAbsCosine), Bits(workers.MeanAbsCosine));
            Assert.Equal(Bits(alone.MeanSquaredFromPairs), Bits(workers.MeanSquaredFromPairs));
            Assert.Equal(alone.HistogramCounts, workers.HistogramCounts);
            Assert.Equal(alone.Note, workers.Note);
            Assert.Equal(alone.DuplicateClusterCount, workers.DuplicateClusterCount);
            if (workers.Exact) Assert.True(workers.DuplicateClusterCount >= 1);
            Assert.Equal(alone.DuplicateClusters.Select(c => c.Members), workers.DuplicateClusters.Select(c => c.Members));
        }
        finally
        {
            threaded.SetThreads(before);
        }
    }

    private static long Bits(double? value) => BitConverter.DoubleToInt64Bits(value!.Value);

    private static FrameInput WithDuplicates(FrameInput input)
    {
        var m = input.HiddenDimensions;
        var w = (double[])input.Weights.Clone();
        for (var k = 0; k < m; k++) w[k + (400 * m)] = (3 * w[k + (7 * m)]) + (0.01 * Math.Cos(k));
        return input with { Weights = w };
    }
}
