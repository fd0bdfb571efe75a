using System.Globalization;
using System.Text;

namespace Superposition.Training.Dynamics;

/// <summary>Markdown table, loss-curve CSV and the JSON document of a dynamics study.</summary>
public static class DynamicsReport
{
    /// <summary>The setup, then one row per (a, b, weight decay): exponents of the three students over seeds, superposition strength in the window, speed-up.</summary>
    public static string Table(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var sb = new StringBuilder();
        sb.Append(Inv($"Teacher-student dynamics (Chen, Chen, Liu, Gore 2026): N = {o.Features} features, p_i = c i^-a with sum p_i = {o.ExpectedActive} (expected active features per sample), value U[0,1] when active, target A x with A_ii = i^-b.\n"));
        sb.Append(Inv($"Students: linear y_i = s_i x_i (s = 0 at start); tied y_i = |w_i|^2 x_i (K = N, one axis per feature); bottleneck y = ReLU(W^T W x + b), W of K x N, K = {o.Bottleneck} (N/K = {o.Features / (double)o.Bottleneck:0.#}).\n"));
        sb.Append(Inv($"Minibatch SGD, lr {o.LearningRate}, batch {o.BatchSize}, {o.Steps} steps; time t = lr * step up to {o.Duration:0.##}; init W_ki ~ N(0, {o.InitStd}^2), b = 0 (the tied student starts from the same column norms); weight decay on the bottleneck's W only; seeds {o.Seed}..{o.Seed + (ulong)o.Seeds - 1}.\n"));
        sb.Append(Inv($"Loss: exact population loss for the linear and tied students; for the bottleneck exact over samples with 0 or 1 active feature plus {o.MultiFeatureSamples} fixed samples for 2 or more.\n"));
        sb.Append(Inv($"alpha: least-squares slope of log(L - Linf) against log t over t in [{o.FitFrom:0.##}, {o.FitTo:0.##}] ({Math.Log10(o.FitTo / o.FitFrom):0.#} decades), Linf estimated per run; value = mean over seeds +- standard error of the mean; [min, max] local slopes of seed {o.Seed}.\n"));
        sb.Append(Inv($"Represented: features whose own-output error with the feature alone active is below half the error of ignoring it (bias and ReLU included); sum D_i / K: Elhage's feature dimensionality summed, over K; both at t = {Math.Sqrt(o.FitFrom * o.FitTo):0} (middle of the window) and t = {o.FitTo:0} (end).\n"));
        sb.Append("Speed-up: time the tied student needs to reach the bottleneck's loss at the window end, over the window end.\n\n");
        sb.Append("| a | b | linear alpha (theory) | tied alpha (theory) | tied represented mid/end | weight decay | bottleneck alpha | local slopes | Linf | represented mid/end | sum D_i/K mid/end | speed-up |\n");
        sb.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var s in result.Settings)
        {
            var seed0 = s.Runs[0];
            for (int d = 0; d < s.Bottleneck.Count; d++)
            {
                var bn = s.Bottleneck[d];
                var f0 = seed0.Bottleneck[d].Fit;
                string primary = ReferenceEquals(bn, s.Primary) ? " (strongest)" : string.Empty;
                string linear = d == 0 ? Inv($"{Pm(s.Linear)} ({s.Setting.LinearAlpha:0.000})") : string.Empty;
                string tied = d == 0 ? Inv($"{Pm(s.Tied)} ({s.Setting.TiedAlpha:0.000})") : string.Empty;
                string tiedRep = d == 0 ? Inv($"{s.TiedRepresented.FeaturesMiddle:0} / {s.TiedRepresented.FeaturesEnd:0}") : string.Empty;
                string bound = bn.FitsWithLInfAtBound > 0 ? Inv($" ({bn.FitsWithLInfAtBound} at bound)") : string.Empty;
                if (bn.Diverged > 0) bound += Inv($" ({bn.Diverged} diverged)");
                string local = f0 is null ? "diverged" : Inv($"[{f0.LocalSlopeMin:0.00}, {f0.LocalSlopeMax:0.00}]");
                sb.Append(Inv($"| {s.Setting.A} | {s.Setting.B} | {linear} | {tied} | {tiedRep} | {bn.WeightDecay:G3}{primary} | {Pm(bn.Alpha)} | {local} | {bn.LInf.Value:0.000e0}{bound} | {bn.Represented.FeaturesMiddle:0} / {bn.Represented.FeaturesEnd:0} | {bn.Represented.DimensionsPerKMiddle:0.00} / {bn.Represented.DimensionsPerKEnd:0.00} | {bn.SpeedUp.Value:G2} +- {bn.SpeedUp.StdError:G2} |\n"));
            }
        }

        return sb.ToString();
    }

    /// <summary>CSV: a, b, seed, student, weightDecay, t, loss, represented, dimensionsPerK (every recorded point of every run).</summary>
    public static string CurvesCsv(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("a,b,seed,student,weightDecay,t,loss,represented,dimensionsPerK\n");
        foreach (var s in result.Settings)
            foreach (var r in s.Runs)
            {
                Rows(sb, s.Setting, r.Seed, "linear", double.NaN, r.Linear.Curve);
                Rows(sb, s.Setting, r.Seed, "tied", double.NaN, r.Tied.Curve);
                foreach (var b in r.Bottleneck) Rows(sb, s.Setting, r.Seed, "bottleneck", b.WeightDecay, b.Curve);
            }

        return sb.ToString();
    }

    /// <summary>The document <c>toy dynamics --json</c> writes: <c>{"settings": [...]}</c>, one entry per (a, b).</summary>
    public static DynamicsDocument Document(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        return new DynamicsDocument(result.Settings.Select(s =>
        {
            var p = s.Primary;
            return new DynamicsSettingDocument(
                s.Setting.A, s.Setting.B, o.Features, o.Bottleneck, o.Seeds, [o.FitFrom, o.FitTo],
                new AlphaDocument(Value(s.Linear), Value(s.Tied), Value(p.Alpha)),
                new TheoryDocument(s.Setting.LinearAlpha, s.Setting.TiedAlpha),
                Represented(p.Represented),
                p.WeightDecay,
                Value(p.SpeedUp),
                s.Bottleneck.Select(b => new WeightDecayDocument(b.WeightDecay, Value(b.Alpha), Value(b.LInf), Value(b.SpeedUp), Represented(b.Represented), b.FitsWithLInfAtBound, b.Diverged)).ToList(),
                Represented(s.TiedRepresented));
        }).ToList());
    }

    private static ValueDocument Value(SeedSummary s) => new(s.Value, s.StdError, s.SeedValues);

    private static RepresentedDocument Represented(Superposed r) => new([r.MiddleTime, r.EndTime], [r.FeaturesMiddle, r.FeaturesEnd], [r.DimensionsPerKMiddle, r.DimensionsPerKEnd]);

    private static void Rows(StringBuilder sb, PowerLawSetting s, ulong seed, string name, double wd, StudentCurve c)
    {
        string w = double.IsNaN(wd) ? string.Empty : wd.ToString("R", CultureInfo.InvariantCulture);
        for (int j = 0; j < c.Times.Count; j++)
        {
            string d = double.IsNaN(c.DimensionsPerK[j]) ? string.Empty : c.DimensionsPerK[j].ToString("R", CultureInfo.InvariantCulture);
            sb.Append(Inv($"{s.A},{s.B},{seed},{name},{w},{c.Times[j]:R},{c.Losses[j]:R},{c.Represented[j]},{d}\n"));
        }
    }

    private static string Pm(SeedSummary s) => Inv($"{s.Value:0.000} +- {s.StdError:0.000}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>JSON root of <c>toy dynamics --json</c>.</summary>
public sealed record DynamicsDocument(IReadOnlyList<DynamicsSettingDocument> Settings);

/// <summary>One setting; <see cref="Alpha"/>.Bottleneck, <see cref="Represented"/> and <see cref="SpeedUp"/> are those of <see cref="WeightDecay"/>, the sweep entry of strongest superposition.</summary>
public sealed record DynamicsSettingDocument(
    double A, double B, int N, int K, int Seeds, IReadOnlyList<double> Window, AlphaDocument Alpha, TheoryDocument Theory,
    RepresentedDocument Represented, double WeightDecay, ValueDocument SpeedUp, IReadOnlyList<WeightDecayDocument> WeightDecaySweep, RepresentedDocument TiedRepresented);

/// <summary>The three students' exponents.</summary>
public sealed record AlphaDocument(ValueDocument Linear, ValueDocument Tied, ValueDocument Bottleneck);

/// <summary>The two baselines' predicted exponents.</summary>
public sealed record TheoryDocument(double Linear, double Tied);

/// <summary>Mean over seeds, its standard error, and the per-seed values.</summary>
public sealed record ValueDocument(double Value, double StdError, IReadOnlyList<double> Seeds);

/// <summary>Superposition strength at the times <see cref="AtT"/> (window middle and end).</summary>
public sealed record RepresentedDocument(IReadOnlyList<double> AtT, IReadOnlyList<double> Features, IReadOnlyList<double> SumDimensionalityOverK);

/// <summary>One weight decay of the bottleneck student.</summary>
public sealed record WeightDecayDocument(double WeightDecay, ValueDocument Alpha, ValueDocument LInf, ValueDocument SpeedUp, RepresentedDocument Represented, int FitsWithLInfAtBound, int Diverged);
