using System.Globalization;
using System.Text;

namespace Superposition.Training.Dynamics;

/// <summary>Markdown table and loss-curve CSV of a dynamics study.</summary>
public static class DynamicsReport
{
    /// <summary>One line per (a, b): predicted α, fitted α ± s.e. (R²) for the diagonal, K = N and K &lt; N students, speed-up.</summary>
    public static string Table(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var sb = new StringBuilder();
        sb.Append(Inv($"Teacher-student dynamics: N = {o.Features} features, p_i = i^-a (x_i ~ U[0,1] when present), A_ii = i^-b, target A x.\n"));
        sb.Append(Inv($"Students: ReLU(W^T W x + b) with W of K x N, K = N = {o.Features} and K = {o.Bottleneck}; diagonal linear y = s * x as a sanity check.\n"));
        sb.Append(Inv($"{o.Optimizer}, lr {o.LearningRate}, init {o.InitScale} x Xavier-normal, batch {o.BatchSize}, {o.Steps} steps, seed {o.Seed}; loss on a fixed {o.EvaluationSamples}-sample set at {o.CurvePoints} log-spaced steps.\n"));
        sb.Append(Inv($"alpha fitted by least squares on log L vs log t over steps [{o.FitFrom}, {o.FitTo}]; +- is the slope's standard error. Speed-up = t(K=N) / t(K<N) to reach L* = max of the two final losses.\n\n"));
        sb.Append("| a | b | predicted (a+2b-1)/a | diagonal alpha | K=N alpha | K<N alpha | K<N / K=N | L* | speed-up |\n");
        sb.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in result.Rows)
        {
            string speed = r.SpeedUp is double s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "never reached";
            sb.Append(Inv($"| {r.Setting.A} | {r.Setting.B} | {r.Setting.DiagonalLinearAlpha:0.000} | {Fmt(r.Diagonal)} | {Fmt(r.Full)} | {Fmt(r.Bottleneck)} | {r.ExponentRatio:0.00} | {r.LossLevel:0.000e0} | {speed} |\n"));
        }

        return sb.ToString();
    }

    /// <summary>CSV: a, b, student, step, loss.</summary>
    public static string CurvesCsv(DynamicsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("a,b,student,step,loss\n");
        foreach (var r in result.Rows)
        {
            foreach (var (name, run) in new[] { ("diagonal", r.Diagonal), ("K=N", r.Full), ("K<N", r.Bottleneck) })
                foreach (var p in run.Curve)
                    sb.Append(Inv($"{r.Setting.A},{r.Setting.B},{name},{p.Step},{p.Loss:R}\n"));
        }

        return sb.ToString();
    }

    private static string Fmt(StudentRun s) => Inv($"{s.Fit.Alpha:0.000} +- {s.Fit.StdError:0.000} (R2 {s.Fit.RSquared:0.000})");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
