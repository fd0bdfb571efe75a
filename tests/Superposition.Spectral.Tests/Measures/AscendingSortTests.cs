using Superposition.Spectral.Measures;

namespace Superposition.Spectral.Tests.Measures;

public sealed class AscendingSortTests
{
    /// <summary>Random values, few distinct ones (many ties), sorted and reversed runs, over sizes around the insertion cut-off.</summary>
    public static TheoryData<int, int> Cases()
    {
        var data = new TheoryData<int, int>();
        foreach (var n in new[] { 0, 1, 2, 15, 16, 17, 100, 1000, 30522 })
        {
            for (var kind = 0; kind < 4; kind++) data.Add(n, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sorts_as_Array_Sort_bit_for_bit(int n, int kind)
    {
        var random = new Random((n * 4) + kind);
        var values = Enumerable.Range(0, n).Select(i => kind switch
        {
            0 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 5)),
            1 => random.Next(0, 7) - 3.0,
            2 => i * 0.5,
            _ => -i * 0.25,
        }).ToArray();
        var expected = values.ToArray();
        Array.Sort(expected);

        AscendingSort.Sort(values);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Values_with_both_zeros_or_a_NaN_go_to_Array_Sort()
    {
        Assert.False(AscendingSort.OrderIsUnique([1.0, 0.0, -0.0]));
        Assert.False(AscendingSort.OrderIsUnique([1.0, double.NaN]));
        Assert.True(AscendingSort.OrderIsUnique([1.0, -0.0, -0.0, 2.0]));
        Assert.True(AscendingSort.OrderIsUnique([0.0, 0.0, double.PositiveInfinity]));

        var values = new[] { 3.0, -0.0, 0.0, double.NaN, -1.0, 0.0, -0.0 };
        var expected = values.ToArray();
        Array.Sort(expected);
        AscendingSort.Sort(values);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_long_run_of_equal_values_is_sorted()
    {
        var values = Enumerable.Repeat(2.5, 5000).Concat(Enumerable.Repeat(-1.0, 5000)).ToArray();

        AscendingSort.Sort(values);

        Assert.True(values.Take(5000).All(v => v == -1.0) && values.Skip(5000).All(v => v == 2.5));
    }
}
