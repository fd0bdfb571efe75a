using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Superposition.Training.Rng;

namespace Superposition.Training.Tms;

/// <summary>
/// The float32 hot loops of the toy model: data sampling, forward pass, hand-written backward pass.
/// W is m×p row-major with p = n padded to a multiple of <see cref="Vector{T}"/>'s length (padding columns are
/// zero and stay zero: their x, importance and gradient are zero), so every inner loop is whole vectors.
/// Four samples are processed together so each loaded row of W feeds four FMAs (W and ∂W stay in L1).
/// Per sample: h = W x; y = Wᵀ h + b; x' = ReLU(y); e = x' − A x;
/// loss = Σ_i I_i e_i²; d = scale·2·I⊙e⊙[y&gt;0]; ∂W += h dᵀ + (W d) xᵀ; ∂b += d.
/// </summary>
internal static class TmsKernel
{
    private const int Block = 4;

    /// <summary>n rounded up to a whole number of vectors.</summary>
    public static int Padded(int n) => (n + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>
    /// Fills the first thresholds.Length entries of each row (stride <paramref name="stride"/>) of <paramref name="x"/>
    /// with x_i ~ U[0,1) with probability p_i, else 0; padding entries are left untouched (zero). One 64-bit draw per
    /// entry: the low 32 bits decide presence against p_i·2³² (exact for p = 1), the top 24 bits give the value.
    /// </summary>
    public static void Sample(ref Xoshiro256 rng, ReadOnlySpan<ulong> thresholds, Span<float> x, int stride)
    {
        int n = thresholds.Length;
        for (int r = 0; r + n <= x.Length; r += stride)
        {
            for (int i = 0; i < n; i++)
            {
                ulong u = rng.NextUInt64();
                x[r + i] = (u & 0xFFFFFFFFUL) < thresholds[i] ? (u >> 40) * (1.0f / 16777216.0f) : 0f;
            }
        }
    }

    /// <summary>Presence thresholds p·f_i·2³² for <see cref="Sample(ref Xoshiro256, ReadOnlySpan{ulong}, Span{float}, int)"/>.</summary>
    public static ulong[] Thresholds(double probability, IReadOnlyList<double>? profile, int n)
    {
        var t = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            double p = probability * (profile is null ? 1.0 : profile[i]);
            t[i] = p >= 1.0 ? 1UL << 32 : (ulong)(p * 4294967296.0);
        }

        return t;
    }

    /// <summary>Same probability for every entry, no padding (tests and tools).</summary>
    public static void Sample(ref Xoshiro256 rng, double probability, Span<float> x) =>
        Sample(ref rng, [probability >= 1.0 ? 1UL << 32 : (ulong)(probability * 4294967296.0)], x, 1);

    /// <summary>Scratch floats one call of the kernels needs (p = padded n).</summary>
    public static int ScratchLength(int p, int m) => Block * ((2 * m) + (2 * p));

    /// <summary>
    /// Adds scale·∂(Σ_rows Σ_i I_i e_i²)/∂(W, b) into <paramref name="gW"/>, <paramref name="gB"/> and returns the
    /// unscaled loss sum (accumulated per block of rows in float, across blocks in double). All row widths are p.
    /// </summary>
    public static double AccumulateGradient(
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> importance, ReadOnlySpan<float> teacher,
        ReadOnlySpan<float> x, int rows, int p, int m, float scale, Span<float> gW, Span<float> gB, Span<float> scratch)
    {
        Span<float> h = scratch[..(Block * m)];
        Span<float> dh = scratch.Slice(Block * m, Block * m);
        Span<float> d = scratch.Slice(2 * Block * m, Block * p);
        double total = 0;
        for (int r0 = 0; r0 < rows; r0 += Block)
        {
            int count = Math.Min(Block, rows - r0);
            ReadOnlySpan<float> xb = x.Slice(r0 * p, count * p);
            Hidden(w, xb, count, p, m, h);
            total += OutputGradient(w, b, importance, teacher, xb, count, p, m, h, scale, d);
            Hidden(w, d, count, p, m, dh);
            WeightGradient(gW, gB, h, dh, d, xb, count, p, m);
        }

        return total;
    }

    /// <summary>Σ_rows Σ_i I_i (ReLU(y_i) − A_i x_i)² without gradients.</summary>
    public static double Loss(
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> importance, ReadOnlySpan<float> teacher,
        ReadOnlySpan<float> x, int rows, int p, int m, Span<float> scratch)
    {
        Span<float> h = scratch[..(Block * m)];
        Span<float> d = scratch.Slice(2 * Block * m, Block * p);
        double total = 0;
        for (int r0 = 0; r0 < rows; r0 += Block)
        {
            int count = Math.Min(Block, rows - r0);
            ReadOnlySpan<float> xb = x.Slice(r0 * p, count * p);
            Hidden(w, xb, count, p, m, h);
            total += OutputGradient(w, b, importance, teacher, xb, count, p, m, h, 0f, d);
        }

        return total;
    }

    /// <summary>out[r·m + k] = W_k · v_r for up to four rows v_r (used for h = W x and for W d).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Hidden(ReadOnlySpan<float> w, ReadOnlySpan<float> v, int count, int p, int m, Span<float> output)
    {
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        ref float v1 = ref Unsafe.Add(ref v0, count > 1 ? p : 0);
        ref float v2 = ref Unsafe.Add(ref v0, count > 2 ? 2 * p : 0);
        ref float v3 = ref Unsafe.Add(ref v0, count > 3 ? 3 * p : 0);
        int vc = Vector<float>.Count;
        for (int k = 0; k < m; k++)
        {
            ref float wk = ref Unsafe.Add(ref wr, k * p);
            Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int i = 0; i < p; i += vc)
            {
                var wv = Vector.LoadUnsafe(ref wk, (nuint)i);
                a0 = Vector.FusedMultiplyAdd(wv, Vector.LoadUnsafe(ref v0, (nuint)i), a0);
                a1 = Vector.FusedMultiplyAdd(wv, Vector.LoadUnsafe(ref v1, (nuint)i), a1);
                a2 = Vector.FusedMultiplyAdd(wv, Vector.LoadUnsafe(ref v2, (nuint)i), a2);
                a3 = Vector.FusedMultiplyAdd(wv, Vector.LoadUnsafe(ref v3, (nuint)i), a3);
            }

            output[k] = Vector.Sum(a0);
            if (count > 1) output[m + k] = Vector.Sum(a1);
            if (count > 2) output[(2 * m) + k] = Vector.Sum(a2);
            if (count > 3) output[(3 * m) + k] = Vector.Sum(a3);
        }
    }

    /// <summary>
    /// y_r = b + Σ_k h_rk W_k per vector of features, then the loss terms and d_r = 2·scale·I⊙e⊙[y&gt;0].
    /// Returns Σ over the rows of Σ_i I_i e_i².
    /// </summary>
    private static double OutputGradient(
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> importance, ReadOnlySpan<float> teacher,
        ReadOnlySpan<float> x, int count, int p, int m, ReadOnlySpan<float> h, float scale, Span<float> d)
    {
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float dr = ref MemoryMarshal.GetReference(d);
        int vc = Vector<float>.Count;
        var two = new Vector<float>(2f * scale);
        var lossAcc = Vector<float>.Zero;
        for (int i = 0; i < p; i += vc)
        {
            var bv = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(b), (nuint)i);
            var iv = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(importance), (nuint)i);
            var tv = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(teacher), (nuint)i);
            for (int r = 0; r < count; r++)
            {
                var acc = PreActivation(ref wr, bv, h, r * m, m, p, i);
                var xv = Vector.LoadUnsafe(ref xr, (nuint)((r * p) + i));
                var e = Vector.Max(acc, Vector<float>.Zero) - (tv * xv);
                var ie = iv * e;
                lossAcc = Vector.FusedMultiplyAdd(ie, e, lossAcc);
                Vector.ConditionalSelect(Vector.GreaterThan(acc, Vector<float>.Zero), two * ie, Vector<float>.Zero)
                    .StoreUnsafe(ref dr, (nuint)((r * p) + i));
            }
        }

        return Vector.Sum(lossAcc);
    }

    /// <summary>b + Σ_k h_rk W_k for the features [i, i + vector width): the pre-activation of the output, shared by training and <see cref="Forward"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> PreActivation(ref float wr, Vector<float> bv, ReadOnlySpan<float> h, int hb, int m, int p, int i)
    {
        var acc = bv;
        for (int k = 0; k < m; k++)
            acc = Vector.FusedMultiplyAdd(new Vector<float>(h[hb + k]), Vector.LoadUnsafe(ref wr, (nuint)((k * p) + i)), acc);
        return acc;
    }

    /// <summary>
    /// The model's output x' = ReLU(Wᵀ W x + b) for <paramref name="rows"/> padded rows of x (p columns), with the
    /// same kernels and operation order as training.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> x, int rows, int p, int m, Span<float> output)
    {
        Span<float> h = new float[Block * m];
        ref float wr = ref MemoryMarshal.GetReference(w);
        int vc = Vector<float>.Count;
        for (int r0 = 0; r0 < rows; r0 += Block)
        {
            int count = Math.Min(Block, rows - r0);
            Hidden(w, x.Slice(r0 * p, count * p), count, p, m, h);
            for (int i = 0; i < p; i += vc)
            {
                var bv = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(b), (nuint)i);
                for (int r = 0; r < count; r++)
                {
                    Vector.Max(PreActivation(ref wr, bv, h, r * m, m, p, i), Vector<float>.Zero)
                        .StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)(((r0 + r) * p) + i));
                }
            }
        }
    }

    /// <summary>∂W_k += Σ_r h_rk d_r + dh_rk x_r; ∂b += Σ_r d_r.</summary>
    private static void WeightGradient(Span<float> gW, Span<float> gB, ReadOnlySpan<float> h, ReadOnlySpan<float> dh, ReadOnlySpan<float> d, ReadOnlySpan<float> x, int count, int p, int m)
    {
        ref float gr = ref MemoryMarshal.GetReference(gW);
        ref float dr = ref MemoryMarshal.GetReference(d);
        ref float xr = ref MemoryMarshal.GetReference(x);
        int vc = Vector<float>.Count;
        for (int k = 0; k < m; k++)
        {
            ref float gk = ref Unsafe.Add(ref gr, k * p);
            for (int i = 0; i < p; i += vc)
            {
                var g = Vector.LoadUnsafe(ref gk, (nuint)i);
                for (int r = 0; r < count; r++)
                {
                    g = Vector.FusedMultiplyAdd(new Vector<float>(h[(r * m) + k]), Vector.LoadUnsafe(ref dr, (nuint)((r * p) + i)), g);
                    g = Vector.FusedMultiplyAdd(new Vector<float>(dh[(r * m) + k]), Vector.LoadUnsafe(ref xr, (nuint)((r * p) + i)), g);
                }

                g.StoreUnsafe(ref gk, (nuint)i);
            }
        }

        ref float br = ref MemoryMarshal.GetReference(gB);
        for (int i = 0; i < p; i += vc)
        {
            var g = Vector.LoadUnsafe(ref br, (nuint)i);
            for (int r = 0; r < count; r++) g += Vector.LoadUnsafe(ref dr, (nuint)((r * p) + i));
            g.StoreUnsafe(ref br, (nuint)i);
        }
    }
}
