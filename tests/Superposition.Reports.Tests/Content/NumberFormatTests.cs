namespace Superposition.Reports.Tests.Content;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(1e-3, "1e-3")]
    [InlineData(2.5e-5, "2.5e-5")]
    [InlineData(0.01, "0.01")]
    [InlineData(12.345678, "12.35")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(0, "0")]
    [InlineData(1000, "1k")]
    [InlineData(1500, "1.5k")]
    [InlineData(123456, "123.5k")]
    [InlineData(999999, "1M")]
    [InlineData(2e6, "2M")]
    [InlineData(3.2e9, "3.2G")]
    [InlineData(1e15, "1e15")]
    [InlineData(-4e-7, "-4e-7")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    public void Compact_form(double value, string expected) => Assert.Equal(expected, NumberFormat.Compact(value));

    [Fact]
    public void Format_string_is_applied_with_invariant_culture()
    {
        Assert.Equal("3.142", NumberFormat.Format(Math.PI, "0.000"));
        Assert.Equal("1.0e-3", NumberFormat.Format(0.001, "0.0e+0"));
        Assert.Equal("NaN", NumberFormat.Format(double.NaN, "0.000"));
    }
}
