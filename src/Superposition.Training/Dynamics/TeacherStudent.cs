using Superposition.Training.Rng;
using Superposition.Training.Tms;

namespace Superposition.Training.Dynamics;

/// <summary>One student: its width (0 for the diagonal linear student), loss curve and fitted exponent.</summary>
public sealed record StudentRun(int Width, IReadOnlyList<LossPoint> Curve, PowerLawFit Fit, double FinalLoss);

/// <summary>
/// One (a, b) setting: both students, a diagonal linear student y = s ⊙ x trained on the same kind of data
/// (<see cref="Diagonal"/>, the sanity check of α = (a + 2b − 1)/a), and the speed-up
/// t_{K=N}(L*) / t_{K&lt;N}(L*) at the common level L* = max(final losses) (null if one never reaches it).
/// </summary>
public sealed record DynamicsRow(PowerLawSetting Setting, StudentRun Full, StudentRun Bottleneck, StudentRun Diagonal, double LossLevel, double? SpeedUp)
{
    /// <summary>α(K&lt;N) / α(K=N).</summary>
    public double ExponentRatio => Bottleneck.Fit.Alpha / Full.Fit.Alpha;
}

/// <summary>All settings of a dynamics study.</summary>
public sealed record DynamicsResult(DynamicsOptions Options, IReadOnlyList<DynamicsRow> Rows, TimeSpan Elapsed);

/// <summary>Runs the teacher–student study (MATH.md section 5).</summary>
public static class TeacherStudent
{
    /// <summary>Trains both students for every setting and fits the exponents.</summary>
    public static DynamicsResult Run(DynamicsOptions options, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Bottleneck < 1 || options.Bottleneck >= options.Features)
            throw Fail.InvalidArgument("bottleneck", options.Bottleneck, $"a width in [1, {options.Features - 1}] (below the feature count)");
        if (options.Settings.Count == 0) throw Fail.InvalidArgument("settings", "(none)", "at least one (a, b) setting");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new List<DynamicsRow>();
        int done = 0, total = options.Settings.Count * 2;
        foreach (var setting in options.Settings)
        {
            var full = Student(options, setting, options.Features, cancellationToken);
            progress?.Report(new ToyProgress("dynamics", ++done, total));
            var narrow = Student(options, setting, options.Bottleneck, cancellationToken);
            progress?.Report(new ToyProgress("dynamics", ++done, total));
            double level = Math.Max(full.FinalLoss, narrow.FinalLoss);
            double? tFull = PowerLawFit.TimeToReach(full.Curve, level);
            double? tNarrow = PowerLawFit.TimeToReach(narrow.Curve, level);
            double? speedUp = tFull is double f && tNarrow is double k && k > 0 ? f / k : null;
            var diagonal = DiagonalStudent(options, setting);
            rows.Add(new DynamicsRow(setting, full, narrow, diagonal, level, speedUp));
        }

        return new DynamicsResult(options, rows, clock.Elapsed);
    }

    /// <summary>
    /// Diagonal linear student y = s ⊙ x, s = 0 at start, target A x, same data law and loss normalisation
    /// (mean over batch and features), SGD with the study's learning rate: ds_i/dt ∝ λ_i (a_i − s_i).
    /// </summary>
    internal static StudentRun DiagonalStudent(DynamicsOptions o, PowerLawSetting setting)
    {
        var student = o.Student(setting, 1);
        int n = o.Features;
        var thresholds = TmsKernel.Thresholds(1.0, student.FrequencyProfile, n);
        var a = student.TeacherScale!.Select(v => (float)v).ToArray();
        var s = new float[n];
        var g = new float[n];
        var x = new float[o.BatchSize * n];
        var evalX = new float[o.EvaluationSamples * n];
        var evalRng = Xoshiro256.ForStream(o.Seed, 77, 3);
        TmsKernel.Sample(ref evalRng, thresholds, evalX, n);
        double EvalLoss()
        {
            double sum = 0;
            for (int j = 0; j < evalX.Length; j++)
            {
                int i = j % n;
                double e = (s[i] - a[i]) * evalX[j];
                sum += e * e;
            }

            return sum / evalX.Length;
        }

        int[] curveSteps = TmsTrainer.CurveSteps(o.Steps, o.CurvePoints);
        var curve = new List<LossPoint> { new(0, EvalLoss()) };
        int next = 0;
        float scale = 2f / x.Length;
        for (int step = 1; step <= o.Steps; step++)
        {
            var rng = Xoshiro256.ForStream(o.Seed, 77, 2, (ulong)step);
            TmsKernel.Sample(ref rng, thresholds, x, n);
            Array.Clear(g);
            for (int j = 0; j < x.Length; j++)
            {
                int i = j % n;
                g[i] += scale * (s[i] - a[i]) * x[j] * x[j];
            }

            for (int i = 0; i < n; i++) s[i] -= (float)o.LearningRate * g[i];
            if (next < curveSteps.Length && curveSteps[next] == step)
            {
                curve.Add(new LossPoint(step, EvalLoss()));
                next++;
            }
        }

        return new StudentRun(0, curve, PowerLawFit.Fit(curve, o.FitFrom, o.FitTo), curve[^1].Loss);
    }

    private static StudentRun Student(DynamicsOptions o, PowerLawSetting s, int width, CancellationToken ct)
    {
        var run = TmsTrainer.Train(o.Student(s, width), null, ct);
        var r = run.Instances[0];
        return new StudentRun(width, r.LossCurve, PowerLawFit.Fit(r.LossCurve, o.FitFrom, o.FitTo), r.FinalLoss);
    }
}
