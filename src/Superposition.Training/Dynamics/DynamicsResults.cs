namespace Superposition.Training.Dynamics;

/// <summary>A student's curve and its fitted exponent.</summary>
public sealed record StudentFit(StudentCurve Curve, LossExponent Fit);

/// <summary>One bottleneck run: its weight decay, curve, fit (null when the run diverged inside the window), and the speed-up over the tied student (see <see cref="TeacherStudent"/>).</summary>
public sealed record BottleneckFit(double WeightDecay, StudentCurve Curve, LossExponent? Fit, double SpeedUp)
{
    /// <summary>True when the loss became non-finite before the window's end.</summary>
    public bool Diverged => Fit is null;
}

/// <summary>All students of one seed.</summary>
public sealed record SeedRun(ulong Seed, StudentFit Linear, StudentFit Tied, IReadOnlyList<BottleneckFit> Bottleneck);

/// <summary>Mean over the seeds with a finite value, its standard error sd/√k (0 for k = 1, NaN for k = 0), and all seed values (NaN for a diverged run).</summary>
public sealed record SeedSummary(double Value, double StdError, IReadOnlyList<double> SeedValues)
{
    /// <summary>Summarises <paramref name="values"/>, skipping non-finite ones.</summary>
    public static SeedSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ok = values.Where(double.IsFinite).ToArray();
        if (ok.Length == 0) return new SeedSummary(double.NaN, double.NaN, values);
        double mean = ok.Average();
        double se = ok.Length > 1 ? Math.Sqrt(ok.Sum(v => (v - mean) * (v - mean)) / (ok.Length - 1) / ok.Length) : 0;
        return new SeedSummary(mean, se, values);
    }
}

/// <summary>Superposition strength at the window's geometric middle and end, mean over seeds.</summary>
public sealed record Superposed(double MiddleTime, double EndTime, double FeaturesMiddle, double FeaturesEnd, double DimensionsPerKMiddle, double DimensionsPerKEnd);

/// <summary>One weight decay of one setting, over seeds.</summary>
public sealed record BottleneckSummary(double WeightDecay, SeedSummary Alpha, SeedSummary LInf, SeedSummary SpeedUp, Superposed Represented, int FitsWithLInfAtBound, int Diverged);

/// <summary>One (a, b) setting: the three students over seeds; <see cref="Primary"/> is the weight decay of strongest superposition (most features represented at the window end among weight decays with no diverged seed).</summary>
public sealed record DynamicsSetting(PowerLawSetting Setting, SeedSummary Linear, SeedSummary Tied, Superposed TiedRepresented, IReadOnlyList<BottleneckSummary> Bottleneck, IReadOnlyList<SeedRun> Runs)
{
    /// <summary>The bottleneck entry with the most features represented at the window end.</summary>
    public BottleneckSummary Primary => Bottleneck.Where(b => b.Diverged == 0).DefaultIfEmpty(Bottleneck[0]).MaxBy(b => b.Represented.FeaturesEnd)!;
}

/// <summary>All settings of a dynamics study.</summary>
public sealed record DynamicsResult(DynamicsOptions Options, IReadOnlyList<DynamicsSetting> Settings, TimeSpan Elapsed);
