using Superposition.Training.Rng;

namespace Superposition.Training.Dynamics;

/// <summary>
/// The two students without interference, trained together on one data stream by minibatch SGD on
/// E Σ_i (ŷ_i − A_ii x_i)²: linear ŷ_i = s_i x_i from s = 0 (gradient 2 (s_i − A_ii) v² per active feature), and
/// tied ŷ_i = r_i² x_i, r_i = ‖w_i‖ of the bottleneck's initial column i (gradient 4 r_i (r_i² − A_ii) v²).
/// Their population loss is exact, L = Σ_i p_i E[v²] (g_i − A_ii)², so their curves carry no evaluation noise.
/// </summary>
internal static class DiagonalStudents
{
    public static (StudentCurve Linear, StudentCurve Tied) Train(DynamicsOptions o, PowerLawData data, ulong seed, CancellationToken ct)
    {
        int n = data.N;
        var linear = new float[n];
        var tied = InitialGains(o, n, seed);
        var r = new float[n];
        for (int i = 0; i < n; i++) r[i] = MathF.Sqrt(tied[i]);
        var index = new int[n];
        var value = new float[n];
        var gLin = new float[n];
        var gTied = new float[n];
        var touchedList = new int[n];
        var stamp = new int[n];
        var recordSteps = StudentCurve.RecordSteps(o);
        var linCurve = new CurveBuilder();
        var tiedCurve = new CurveBuilder();
        float lr = (float)o.LearningRate, inv = 1f / o.BatchSize;
        int next = 0;
        for (int step = 1; step <= o.Steps; step++)
        {
            if ((step & 1023) == 0) ct.ThrowIfCancellationRequested();
            var rng = DataStream(seed, step);
            int touched = 0;
            for (int s = 0; s < o.BatchSize; s++)
            {
                int count = data.Draw(ref rng, index, value);
                for (int q = 0; q < count; q++)
                {
                    int i = index[q];
                    float v2 = value[q] * value[q], a = data.Teacher[i];
                    if (stamp[i] != step)
                    {
                        stamp[i] = step;
                        touchedList[touched++] = i;
                    }

                    gLin[i] += 2f * (linear[i] - a) * v2;
                    gTied[i] += 4f * r[i] * ((r[i] * r[i]) - a) * v2;
                }
            }

            // Batch-mean SGD step on the features seen in this batch.
            for (int q = 0; q < touched; q++)
            {
                int i = touchedList[q];
                linear[i] -= lr * inv * gLin[i];
                r[i] -= lr * inv * gTied[i];
                gLin[i] = 0f;
                gTied[i] = 0f;
            }

            if (next < recordSteps.Length && recordSteps[next] == step)
            {
                for (int i = 0; i < n; i++) tied[i] = r[i] * r[i];
                double t = step * o.LearningRate;
                linCurve.Add(t, PopulationLoss(data, linear), RepresentedFeatures.Count(linear, data.Teacher), double.NaN);
                tiedCurve.Add(t, PopulationLoss(data, tied), RepresentedFeatures.Count(tied, data.Teacher), double.NaN);
                next++;
            }
        }

        return (linCurve.Build(), tiedCurve.Build());
    }

    /// <summary>‖w_i‖² of the bottleneck's initial W (entries N(0, σ²)), so the tied student starts where the bottleneck does.</summary>
    public static float[] InitialGains(DynamicsOptions o, int n, ulong seed)
    {
        var w = BottleneckStudent.InitialWeights(o, n, seed);
        var g = new float[n];
        for (int k = 0; k < o.Bottleneck; k++)
            for (int i = 0; i < n; i++) g[i] += w[(k * n) + i] * w[(k * n) + i];
        return g;
    }

    /// <summary>L = Σ_i p_i E[v²] (g_i − A_ii)² for a per-feature gain g (exact population loss of both students).</summary>
    public static double PopulationLoss(PowerLawData data, ReadOnlySpan<float> gain)
    {
        double sum = 0;
        for (int i = 0; i < gain.Length; i++)
        {
            double e = gain[i] - data.Teacher[i];
            sum += data.Frequency[i] * e * e;
        }

        return sum * PowerLawData.SecondMoment;
    }

    /// <summary>The data stream of one seed and step, shared by all students of that seed.</summary>
    public static Xoshiro256 DataStream(ulong seed, int step) => Xoshiro256.ForStream(seed, 700, (ulong)step);
}

/// <summary>Accumulates a <see cref="StudentCurve"/>.</summary>
internal sealed class CurveBuilder
{
    private readonly List<double> _t = [];
    private readonly List<double> _l = [];
    private readonly List<int> _r = [];
    private readonly List<double> _d = [];

    public void Add(double time, double loss, int represented, double dimensionsPerK)
    {
        _t.Add(time);
        _l.Add(loss);
        _r.Add(represented);
        _d.Add(dimensionsPerK);
    }

    public StudentCurve Build() => new(_t, _l, _r, _d);
}
