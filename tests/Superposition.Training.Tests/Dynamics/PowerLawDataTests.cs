using Superposition.Training.Dynamics;
using Superposition.Training.Rng;

namespace Superposition.Training.Tests.Dynamics;

public sealed class PowerLawDataTests
{
    [Theory]
    [InlineData(1.5, 1.0)]
    [InlineData(2.5, 0.3)]
    public void Frequencies_are_normalised_and_sampled_independently_at_their_rates(double a, double expected)
    {
        const int n = 200, samples = 200_000;
        var data = new PowerLawData(new PowerLawSetting(a, 0.5), n, expected);
        Assert.Equal(expected, data.Frequency.Sum(), 10);
        Assert.Equal(Math.Pow(7, -0.5), data.Teacher[6], 6);
        var counts = new int[n];
        var index = new int[n];
        var value = new float[n];
        var rng = new Xoshiro256(5);
        long total = 0;
        double valueSum = 0;
        for (int s = 0; s < samples; s++)
        {
            int c = data.Draw(ref rng, index, value);
            total += c;
            for (int q = 0; q < c; q++)
            {
                counts[index[q]]++;
                valueSum += value[q];
            }
        }

        // Binomial counts: each checked at 5 standard deviations (features 1, 33 — the second block — and 100).
        foreach (int i in new[] { 0, 32, 99 })
        {
            double mean = samples * data.Frequency[i], sd = Math.Sqrt(mean * (1 - data.Frequency[i]));
            Assert.InRange(counts[i], mean - (5 * sd) - 1, mean + (5 * sd) + 1);
        }

        Assert.InRange(total / (double)samples, expected * 0.98, expected * 1.02);
        Assert.InRange(valueSum / total, 0.49, 0.51); // U[0, 1]
    }
}
