using Superposition.Reports.Baselines;
using Superposition.Training.Geometry;

namespace Superposition.Reports.Tests.Baselines;

public sealed class InterpretationTests
{
    [Theory]
    [InlineData(0.0, Closeness.Close)]
    [InlineData(0.1999, Closeness.Close)]
    [InlineData(0.2, Closeness.Loose)]
    [InlineData(0.4999, Closeness.Loose)]
    [InlineData(0.5, Closeness.Far)]
    [InlineData(3.0, Closeness.Far)]
    public void Closeness_bands_are_close_below_0_2_and_loose_below_0_5(double distance, Closeness expected) =>
        Assert.Equal(expected, Interpretation.ClosenessOf(distance));

    [Theory]
    [InlineData(Closeness.Close, true, LayerRegime.ToyRegime)]
    [InlineData(Closeness.Loose, true, LayerRegime.ToyRegime)]
    [InlineData(Closeness.Far, true, LayerRegime.UnlikeAnyToy)]
    [InlineData(Closeness.Close, false, LayerRegime.Unstructured)]
    [InlineData(Closeness.Far, false, LayerRegime.Unstructured)]
    public void A_layer_like_its_nulls_is_never_given_a_toy_regime(Closeness closeness, bool structured, LayerRegime expected) =>
        Assert.Equal(expected, Interpretation.RegimeOf(closeness, structured));

    [Fact]
    public void Represented_means_norm_strictly_above_one_half_like_the_trainer()
    {
        Assert.False(Interpretation.IsRepresented(0.5));
        Assert.True(Interpretation.IsRepresented(0.5000001));
        // The trainer's own count uses the same rule: the two must never disagree.
        var g = new ToyGeometry([0.5, 0.5000001, 0.9], [1, 1, 1], 1, 0, 1);
        Assert.Equal(g.Norms.Count(Interpretation.IsRepresented), g.Represented());
    }

    [Fact]
    public void Printed_rules_carry_the_constants()
    {
        Assert.Equal("close < 0.2, loose < 0.5, else far", Interpretation.BandsSentence());
        Assert.Contains("exceeds 1.5 × their median seed-to-seed distance and 0.05", Interpretation.StructuredSentence());
    }

    [Theory]
    [InlineData(0.30, 0.14, true)]
    [InlineData(0.22, 0.14, true)]
    [InlineData(0.21, 0.14, false)] // strictly more than 1.5 × the spread
    [InlineData(0.15, 0.14, false)]
    [InlineData(0.04, 0.01, false)] // under the floor
    public void Separation_needs_more_than_the_spread_and_the_floor(double distance, double spread, bool expected) =>
        Assert.Equal(expected, new NullDistance(distance, spread).Separated);
}
