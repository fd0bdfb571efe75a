using Superposition.Training.Geometry;
using Superposition.Training.Rng;

namespace Superposition.Training.Dynamics;

/// <summary>
/// The superposition student ŷ = ReLU(Wᵀ W x + b), W of K×N (row-major, <c>w[k·N + i]</c>), trained by minibatch SGD
/// on E Σ_j (ŷ_j − A_jj x_j)² with decoupled weight decay λ on W: W ← W − η (∇_W + λ W), b ← b − η ∇_b.
/// A sample costs about 3·N·K multiply–adds (h = W x over the active features, o = Wᵀ h + b, the two gradients);
/// samples with no active feature only move b.
/// </summary>
internal static class BottleneckStudent
{
    /// <summary>W_ki ~ N(0, σ²) from the seed's init stream (shared with the tied student's initial norms).</summary>
    public static float[] InitialWeights(DynamicsOptions o, int n, ulong seed)
    {
        var rng = Xoshiro256.ForStream(seed, 701);
        var w = new float[o.Bottleneck * n];
        for (int j = 0; j < w.Length; j++) w[j] = (float)(o.InitStd * rng.NextGaussian());
        return w;
    }

    public static StudentCurve Train(DynamicsOptions o, PowerLawData data, ulong seed, double weightDecay, CancellationToken ct)
    {
        int n = data.N, k = o.Bottleneck;
        var w = InitialWeights(o, n, seed);
        var b = new float[n];
        var gw = new float[w.Length];
        var gb = new float[n];
        var h = new float[k];
        var dh = new float[k];
        var outp = new float[n];
        var index = new int[n];
        var value = new float[n];
        var nz = new int[n];
        var loss = new BottleneckLoss(o, data, seed);
        var recordSteps = StudentCurve.RecordSteps(o);
        var curve = new CurveBuilder();
        float lr = (float)o.LearningRate, inv = 1f / o.BatchSize, decay = (float)weightDecay;
        int next = 0;
        for (int step = 1; step <= o.Steps; step++)
        {
            if ((step & 255) == 0) ct.ThrowIfCancellationRequested();
            var rng = DiagonalStudents.DataStream(seed, step);
            Array.Clear(gw);
            Array.Clear(gb);
            for (int s = 0; s < o.BatchSize; s++)
            {
                int count = data.Draw(ref rng, index, value);
                AddSampleGradient(w, b, data.Teacher, n, k, index, value, count, inv, gw, gb, h, dh, outp, nz);
            }

            for (int j = 0; j < w.Length; j++) w[j] -= lr * (gw[j] + (decay * w[j]));
            VectorOps.AddScaled(b, -lr, gb);
            if (next < recordSteps.Length && recordSteps[next] == step)
            {
                var (represented, dimsPerK) = Superposition(w, b, n, k, data.Teacher);
                double l = loss.Evaluate(w, b);
                curve.Add(step * o.LearningRate, l, represented, dimsPerK);
                next++;
                if (!double.IsFinite(l))
                {
                    // Diverged (SGD with negative weight decay can blow up): the rest of the curve is NaN.
                    for (; next < recordSteps.Length; next++) curve.Add(recordSteps[next] * o.LearningRate, double.NaN, 0, double.NaN);
                    break;
                }
            }
        }

        return curve.Build();
    }

    /// <summary>
    /// Adds scale·∇ of one sample's loss Σ_j (ReLU(o_j) − y_j)² (o = Wᵀ W x + b) into (gw, gb);
    /// h, dh (K), outp and nz (N) are scratch buffers.
    /// </summary>
    internal static void AddSampleGradient(float[] w, float[] b, float[] teacher, int n, int k, int[] index, float[] value, int count, float scale, float[] gw, float[] gb, float[] h, float[] dh, float[] outp, int[] nz)
    {
        float inv = scale;
        Forward(w, b, n, k, index, value, count, h, outp);
        // outp becomes the residual r_j = 2 (ŷ_j − y_j)/B on active outputs (ReLU gate), 0 elsewhere.
        int nnz = 0;
        for (int j = 0; j < n; j++)
        {
            if (outp[j] > 0f)
            {
                outp[j] *= 2f * inv;
                nz[nnz++] = j;
            }
            else
            {
                outp[j] = 0f;
            }
        }

        for (int q = 0; q < count; q++)
        {
            int i = index[q];
            if (outp[i] != 0f) outp[i] -= 2f * inv * teacher[i] * value[q];
        }

        for (int q = 0; q < nnz; q++) gb[nz[q]] += outp[nz[q]];
        if (count == 0) return;
        if (nnz * 8 < n)
        {
            // Few live outputs (negative biases gate most): touch only their columns.
            for (int kk = 0; kk < k; kk++)
            {
                int row = kk * n;
                float acc = 0f, hk = h[kk];
                for (int q = 0; q < nnz; q++)
                {
                    int j = nz[q];
                    acc += w[row + j] * outp[j];
                    gw[row + j] += hk * outp[j];
                }

                dh[kk] = acc;
            }
        }
        else
        {
            for (int kk = 0; kk < k; kk++)
            {
                var row = w.AsSpan(kk * n, n);
                dh[kk] = VectorOps.Dot(row, outp);
                VectorOps.AddScaled(gw.AsSpan(kk * n, n), h[kk], outp);
            }
        }

        for (int q = 0; q < count; q++)
            for (int kk = 0; kk < k; kk++) gw[(kk * n) + index[q]] += value[q] * dh[kk];
    }

    /// <summary>h = W x over the active features; out = Wᵀ h + b (pre-activation).</summary>
    internal static void Forward(float[] w, float[] b, int n, int k, int[] index, float[] value, int count, float[] h, float[] outp)
    {
        Array.Copy(b, outp, n);
        if (count == 0) return;
        for (int kk = 0; kk < k; kk++)
        {
            float acc = 0f;
            for (int q = 0; q < count; q++) acc += w[(kk * n) + index[q]] * value[q];
            h[kk] = acc;
            VectorOps.AddScaled(outp, acc, w.AsSpan(kk * n, n));
        }
    }

    /// <summary>Features represented (<see cref="RepresentedFeatures"/>) and superposition strength Σ_i D_i / K (D_i as in <see cref="ToyGeometry"/>).</summary>
    internal static (int Represented, double DimensionsPerK) Superposition(float[] w, float[] b, int n, int k, float[] teacher)
    {
        var geometry = ToyGeometry.Of(w, k, n);
        var gain = new float[n];
        for (int i = 0; i < n; i++) gain[i] = (float)(geometry.Norms[i] * geometry.Norms[i]);
        return (RepresentedFeatures.Count(gain, b, teacher), geometry.Dimensionality.Sum() / k);
    }
}
