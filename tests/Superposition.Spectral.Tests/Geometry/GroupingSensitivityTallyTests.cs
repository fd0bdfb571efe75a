using Superposition.Spectral.Frames;
using Superposition.Spectral.Geometry;
using Superposition.Spectral.Measures;
using Superposition.Spectral.Tests.TestSupport;

namespace Superposition.Spectral.Tests.Geometry;

/// <summary>The sensitivity table read from the per-feature measures' projection blocks, against its own pass.</summary>
public sealed class GroupingSensitivityTallyTests
{
    /// <summary>
    /// Over several shapes, block sizes that cut the features into uneven blocks, and a rank-deficient frame (null
    /// space): the table tallied from the measures' blocks is the table of the separate pass, to the bit.
    /// </summary>
    [Theory]
    [InlineData(8, 200, 8, 64, 1)]
    [InlineData(24, 300, 24, 50, 2)]
    [InlineData(16, 120, 5, 1024, 3)]
    public void Reading_the_measures_blocks_gives_the_table_of_its_own_pass(int m, int n, int r, int block, int seed)
    {
        var input = r == m ? TestFrames.Random(m, n, seed) : TestFrames.LowRank(m, n, r, seed);
        var options = new AnalysisOptions { FeatureBlockSize = block };
        foreach (var backend in new[] { Backends.Managed, Backends.Native }.OfType<Spectral.LinearAlgebra.ILinearAlgebraBackend>())
        {
            var frame = LiveFrame.From(input, options.DeadFeatureNormSquared);
            var spectrum = FrameSpectrum.Compute(backend, frame, options);
            Assert.NotNull(spectrum.FrameVectors);
            var pass = GroupingSensitivity.Foldable(frame, spectrum, options)!;
            FeatureMeasures.Compute(backend, frame, spectrum, options.SpectralBins, options.FeatureBlockSize, 0, null, pass);

            var folded = pass.Rows();
            var alone = GroupingSensitivity.Compute(backend, frame, spectrum, options);
            Assert.Equal(alone, folded);
            Assert.Equal(r, spectrum.Rank);
        }
    }

    /// <summary>
    /// Three orthogonal features of squared norms 9, 4, 1 (F = diag(9, 4, 1)): every feature lies in its own eigenspace,
    /// so under every grouping that separates the three eigenvalues all three are localized (q = 1); under a fixed
    /// tolerance of 0.1 λ_max = 0.9 none merge either (gaps 5 and 3), so the whole table reads 3 of 3.
    /// </summary>
    [Fact]
    public void Orthogonal_features_are_localized_under_every_grouping()
    {
        var input = FrameInput.FromFeatures("diagonal", [[3.0, 0, 0], [0, 2.0, 0], [0, 0, 1.0]]);
        var result = FrameAnalyzer.Analyze(input, new AnalysisOptions(), Backends.Managed);

        Assert.All(result.GroupingSensitivity!, row =>
        {
            Assert.Equal(3, row.Eigenspaces);
            Assert.Equal(3, row.LocalizedFeatures);
            Assert.Equal(1.0, row.LocalizedShare);
        });
    }
}
