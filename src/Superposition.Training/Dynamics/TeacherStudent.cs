using System.Diagnostics;
using Superposition.Training.Tms;

namespace Superposition.Training.Dynamics;

/// <summary>
/// Runs the teacher–student study (MATH.md section 5). Every (setting, seed) trains the linear and tied students
/// and one bottleneck student per weight decay, all on the seed's data stream; jobs run in parallel, each fully
/// determined by its seed, so results do not depend on scheduling.
/// Speed-up of a bottleneck run: L* = its loss at the window end t₁; speed-up = t_tied(L*) / t₁, where t_tied(L*)
/// is when the tied student reaches L* — read from its SGD curve, or past the trained duration from the tied
/// student's exact gradient flow from the same init (s_i(t) = A/(1 + (A/s_i(0) − 1) e^(−8 p_i E[v²] A t))).
/// </summary>
public static class TeacherStudent
{
    /// <summary>Trains all students of all settings and fits the exponents.</summary>
    public static DynamicsResult Run(DynamicsOptions options, IProgress<ToyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        int settings = options.Settings.Count, seeds = options.Seeds, decays = options.WeightDecays.Count;
        var data = options.Settings.Select(s => new PowerLawData(s, options.Features, options.ExpectedActive)).ToArray();
        var diag = new (StudentCurve Linear, StudentCurve Tied)[settings * seeds];
        var bottle = new StudentCurve[settings * seeds * decays];
        int jobs = diag.Length + bottle.Length, done = 0;
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        // Largest jobs (bottleneck) first, so the short ones fill the gaps.
        Parallel.For(0, jobs, po, job =>
        {
            if (job < bottle.Length)
            {
                int d = job % decays, rest = job / decays, seed = rest % seeds, s = rest / seeds;
                bottle[job] = BottleneckStudent.Train(options, data[s], SeedOf(options, seed), options.WeightDecays[d], cancellationToken);
            }
            else
            {
                int j = job - bottle.Length, seed = j % seeds, s = j / seeds;
                diag[j] = DiagonalStudents.Train(options, data[s], SeedOf(options, seed), cancellationToken);
            }

            progress?.Report(new ToyProgress("dynamics", Interlocked.Increment(ref done), jobs));
        });

        var result = new List<DynamicsSetting>();
        for (int s = 0; s < settings; s++)
        {
            var runs = new List<SeedRun>();
            for (int seed = 0; seed < seeds; seed++)
            {
                var (lin, tied) = diag[(s * seeds) + seed];
                var tiedFit = Fit(options, tied);
                var gains = DiagonalStudents.InitialGains(options, options.Features, SeedOf(options, seed));
                var bn = new List<BottleneckFit>();
                for (int d = 0; d < decays; d++)
                {
                    var curve = bottle[(((s * seeds) + seed) * decays) + d];
                    bool diverged = curve.Times.Zip(curve.Losses).Any(p => p.First <= options.FitTo * (1 + 1e-9) && !double.IsFinite(p.Second));
                    if (diverged)
                    {
                        bn.Add(new BottleneckFit(options.WeightDecays[d], curve, null, double.NaN));
                        continue;
                    }

                    var fit = Fit(options, curve).Fit;
                    double level = curve.Losses[curve.NearestIndex(options.FitTo)];
                    double tTied = TimeToReach(tied, level) ?? TiedFlow.TimeToReach(data[s], gains, level, options.Duration);
                    bn.Add(new BottleneckFit(options.WeightDecays[d], curve, fit, tTied / options.FitTo));
                }

                runs.Add(new SeedRun(SeedOf(options, seed), Fit(options, lin), tiedFit, bn));
            }

            var summaries = new List<BottleneckSummary>();
            for (int d = 0; d < decays; d++)
            {
                var fits = runs.Select(r => r.Bottleneck[d]).ToArray();
                summaries.Add(new BottleneckSummary(
                    options.WeightDecays[d],
                    SeedSummary.Of(fits.Select(f => f.Fit?.Alpha ?? double.NaN).ToArray()),
                    SeedSummary.Of(fits.Select(f => f.Fit?.LInf ?? double.NaN).ToArray()),
                    SeedSummary.Of(fits.Select(f => f.SpeedUp).ToArray()),
                    Represented(options, fits.Where(f => !f.Diverged).Select(f => f.Curve).DefaultIfEmpty(fits[0].Curve).ToArray()),
                    fits.Count(f => f.Fit?.LInfAtBound == true),
                    fits.Count(f => f.Diverged)));
            }

            result.Add(new DynamicsSetting(
                options.Settings[s],
                SeedSummary.Of(runs.Select(r => r.Linear.Fit.Alpha).ToArray()),
                SeedSummary.Of(runs.Select(r => r.Tied.Fit.Alpha).ToArray()),
                Represented(options, runs.Select(r => r.Tied.Curve).ToArray()),
                summaries,
                runs));
        }

        return new DynamicsResult(options, result, clock.Elapsed);
    }

    private static ulong SeedOf(DynamicsOptions o, int seed) => o.Seed + (ulong)seed;

    private static StudentFit Fit(DynamicsOptions o, StudentCurve curve) => new(curve, LossExponent.Fit(curve.Times, curve.Losses, o.FitFrom, o.FitTo));

    private static Superposed Represented(DynamicsOptions o, IReadOnlyList<StudentCurve> curves)
    {
        double mid = Math.Sqrt(o.FitFrom * o.FitTo), end = o.FitTo;
        double F(Func<StudentCurve, int, double> pick, double t) => curves.Average(c => pick(c, c.NearestIndex(t)));
        return new Superposed(mid, end, F((c, j) => c.Represented[j], mid), F((c, j) => c.Represented[j], end), F((c, j) => c.DimensionsPerK[j], mid), F((c, j) => c.DimensionsPerK[j], end));
    }

    /// <summary>First time the curve is at or below <paramref name="level"/>, interpolated linearly in log–log; null if it never is.</summary>
    internal static double? TimeToReach(StudentCurve curve, double level)
    {
        for (int j = 0; j < curve.Times.Count; j++)
        {
            if (curve.Losses[j] > level) continue;
            if (j == 0) return curve.Times[0];
            double la = Math.Log(curve.Losses[j - 1]), lb = Math.Log(curve.Losses[j]);
            double f = (la - Math.Log(level)) / (la - lb);
            return Math.Exp(Math.Log(curve.Times[j - 1]) + (f * (Math.Log(curve.Times[j]) - Math.Log(curve.Times[j - 1]))));
        }

        return null;
    }
}
