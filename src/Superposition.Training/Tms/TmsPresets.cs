namespace Superposition.Training.Tms;

/// <summary>
/// The configurations of Anthropic's notebook (MATH.md section 7). Each returns full options that a caller
/// may adjust with <c>with { Steps = ... }</c>.
/// </summary>
public static class TmsPresets
{
    /// <summary>Names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["5-2", "100-20", "200-20"];

    /// <summary>5 features in 2 dims, importance 0.9^i, feature probability 20^(−linspace(0,1,10)).</summary>
    public static TmsOptions FiveTwo() => new()
    {
        Name = "5-2",
        Features = 5,
        Hidden = 2,
        Importance = Geometric(5, i => Math.Pow(0.9, i)),
        FeatureProbabilities = LogSpaced(20.0, 10),
    };

    /// <summary>100 features in 20 dims, importance 100^(−linspace(0,1,100)), 20 probabilities 20^(−linspace(0,1,20)).</summary>
    public static TmsOptions HundredTwenty() => new()
    {
        Name = "100-20",
        Features = 100,
        Hidden = 20,
        Importance = Geometric(100, i => Math.Pow(100.0, -i / 99.0)),
        FeatureProbabilities = LogSpaced(20.0, 20),
    };

    /// <summary>
    /// 200 features in 20 dims, constant importance, 20 probabilities 1000^(−linspace(0,1,20)) (1 down to 0.001):
    /// sparse enough that the dimensionality clusters (3/4, 2/3, 1/2, 2/5) appear. The probability range is our
    /// choice; the notebook's dimensionality figure sweeps 1/(1−S) over a similar range.
    /// </summary>
    public static TmsOptions TwoHundredTwenty() => new()
    {
        Name = "200-20",
        Features = 200,
        Hidden = 20,
        Importance = null,
        FeatureProbabilities = LogSpaced(1000.0, 20),
    };

    /// <summary>The preset with that name ("5-2", "100-20", "200-20"); InvalidArgument otherwise.</summary>
    public static TmsOptions ByName(string name) => name switch
    {
        "5-2" => FiveTwo(),
        "100-20" => HundredTwenty(),
        "200-20" => TwoHundredTwenty(),
        _ => throw Fail.InvalidArgument("preset", name, "one of 5-2, 100-20, 200-20"),
    };

    /// <summary><c>baseᐨlinspace(0,1,count)</c>: count values from 1 down to 1/base.</summary>
    public static double[] LogSpaced(double @base, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = count == 1 ? 0.0 : (double)i / (count - 1);
            values[i] = Math.Pow(@base, -t);
        }

        return values;
    }

    private static double[] Geometric(int n, Func<int, double> value)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = value(i);
        return values;
    }
}
