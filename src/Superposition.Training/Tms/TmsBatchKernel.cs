using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Superposition.Training.Rng;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace Superposition.Training.Tms;

/// <summary>
/// The toy model's gradient for one batch chunk with the batch on the 16 lanes of <see cref="Vector512{T}"/>
/// (used when the CPU runs 512-bit vectors natively; otherwise <see cref="TmsKernel"/>). Every product is a
/// register tile of 4 × 4 vectors (16 accumulators, 8 loads per 16 FMAs), with no horizontal sums except one per
/// entry of ∂W per chunk:
/// H = W Xᵀ and ∂H = W D broadcast W_ki against 64 rows of Xᵀ (or D); Y = b + Wᵀ H broadcasts W_ki against 64 rows
/// of H and ends in the fused loss and d = 2·scale·I⊙e⊙[y &gt; 0]; ∂W_ki += Σ_r H_kr D_ir + ∂H_kr X_ir.
/// Layouts (row stride rp = chunk rows rounded up to 64): Xᵀ and D are features × rp, H and ∂H are mp × rp, W is
/// mp rows of stride p. mp = m rounded up to 4 and p ≥ n rounded up to 4: the extra rows and columns of W are zero,
/// and so are their gradients, so every tile is whole. Rows of the chunk beyond its real rows are masked to zero.
/// </summary>
internal static class TmsBatchKernel
{
    /// <summary>Floats per vector.</summary>
    public const int Lanes = 16;

    /// <summary>Rows per register tile (four vectors).</summary>
    public const int RowBlock = 4 * Lanes;

    /// <summary>True when 512-bit vectors run in hardware (AVX-512); the trainer then uses this kernel.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>Chunk rows rounded up to whole row blocks.</summary>
    public static int PaddedRows(int rows) => (rows + RowBlock - 1) / RowBlock * RowBlock;

    /// <summary>Hidden width rounded up to whole 4-row tiles.</summary>
    public static int PaddedHidden(int m) => (m + 3) / 4 * 4;

    /// <summary>1 for the first <paramref name="rows"/> entries, 0 for the rest of the <paramref name="rp"/>.</summary>
    public static float[] RowMask(int rows, int rp)
    {
        var mask = new float[rp];
        Array.Fill(mask, 1f, 0, rows);
        return mask;
    }

    /// <summary>
    /// Per-feature sampling constants from presence thresholds t_i = p_i·2³² (<see cref="TmsKernel.Thresholds"/>):
    /// a 32-bit draw u is present when u ≤ t_i − 1, and then u/t_i is uniform on [0, 1), computed as (u ≫ 8)·(256/t_i).
    /// </summary>
    public static (uint[] Limit, float[] Scale) SampleConstants(ReadOnlySpan<ulong> thresholds)
    {
        var limit = new uint[thresholds.Length];
        var scale = new float[thresholds.Length];
        for (int i = 0; i < thresholds.Length; i++)
        {
            ulong t = Math.Max(thresholds[i], 1UL);
            limit[i] = (uint)(t - 1);
            scale[i] = (float)(256.0 / t);
        }

        return (limit, scale);
    }

    /// <summary>
    /// Fills rows 0..n−1 of <paramref name="xt"/> (stride rp) with x_i ~ U[0,1) with probability p_i, else 0, one
    /// 32-bit draw per entry (16 entries per vector step of the 8 streams); entries of masked rows are 0.
    /// </summary>
    public static void Sample(ref Xoshiro256x8 rng, uint[] limit, float[] scale, Span<float> xt, int rp, ReadOnlySpan<float> mask)
    {
        ref float x0 = ref MemoryMarshal.GetReference(xt);
        ref float mr = ref MemoryMarshal.GetReference(mask);
        var cap = Vector512.Create(0.99999994f);
        for (int i = 0; i < limit.Length; i++)
        {
            var lim = Vector512.Create(limit[i]);
            var sc = Vector512.Create(scale[i]);
            ref float row = ref Unsafe.Add(ref x0, i * rp);
            for (int v = 0; v < rp; v += Lanes)
            {
                var u = rng.Next().AsUInt32();
                var present = Vector512.LessThanOrEqual(u, lim).AsSingle();
                var value = Vector512.Min(Vector512.ConvertToSingle((u >> 8).AsInt32()) * sc, cap);
                ((present & value) * Vector512.LoadUnsafe(ref mr, (nuint)v)).StoreUnsafe(ref row, (nuint)v);
            }
        }
    }

    /// <summary>dst[k·rp + r] = Σ_{i&lt;n} W[k·p + i]·src[i·rp + r] for k &lt; mp (H = W Xᵀ, or ∂H = W D).</summary>
    public static void Hidden(ReadOnlySpan<float> w, int p, int n, int mp, ReadOnlySpan<float> src, Span<float> dst, int rp)
    {
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float sr = ref MemoryMarshal.GetReference(src);
        ref float dr = ref MemoryMarshal.GetReference(dst);
        for (int k = 0; k < mp; k += 4)
        {
            ref float w0 = ref Unsafe.Add(ref wr, k * p);
            ref float w1 = ref Unsafe.Add(ref w0, p);
            ref float w2 = ref Unsafe.Add(ref w1, p);
            ref float w3 = ref Unsafe.Add(ref w2, p);
            for (int r = 0; r < rp; r += RowBlock)
            {
                var a00 = V.Zero;
                var a01 = V.Zero;
                var a02 = V.Zero;
                var a03 = V.Zero;
                var a10 = V.Zero;
                var a11 = V.Zero;
                var a12 = V.Zero;
                var a13 = V.Zero;
                var a20 = V.Zero;
                var a21 = V.Zero;
                var a22 = V.Zero;
                var a23 = V.Zero;
                var a30 = V.Zero;
                var a31 = V.Zero;
                var a32 = V.Zero;
                var a33 = V.Zero;
                ref float s = ref Unsafe.Add(ref sr, r);
                for (int i = 0; i < n; i++)
                {
                    ref float si = ref Unsafe.Add(ref s, i * rp);
                    var x0 = Vector512.LoadUnsafe(ref si, 0);
                    var x1 = Vector512.LoadUnsafe(ref si, 16);
                    var x2 = Vector512.LoadUnsafe(ref si, 32);
                    var x3 = Vector512.LoadUnsafe(ref si, 48);
                    var b0 = Vector512.Create(Unsafe.Add(ref w0, i));
                    a00 = Vector512.FusedMultiplyAdd(b0, x0, a00);
                    a01 = Vector512.FusedMultiplyAdd(b0, x1, a01);
                    a02 = Vector512.FusedMultiplyAdd(b0, x2, a02);
                    a03 = Vector512.FusedMultiplyAdd(b0, x3, a03);
                    var b1 = Vector512.Create(Unsafe.Add(ref w1, i));
                    a10 = Vector512.FusedMultiplyAdd(b1, x0, a10);
                    a11 = Vector512.FusedMultiplyAdd(b1, x1, a11);
                    a12 = Vector512.FusedMultiplyAdd(b1, x2, a12);
                    a13 = Vector512.FusedMultiplyAdd(b1, x3, a13);
                    var b2 = Vector512.Create(Unsafe.Add(ref w2, i));
                    a20 = Vector512.FusedMultiplyAdd(b2, x0, a20);
                    a21 = Vector512.FusedMultiplyAdd(b2, x1, a21);
                    a22 = Vector512.FusedMultiplyAdd(b2, x2, a22);
                    a23 = Vector512.FusedMultiplyAdd(b2, x3, a23);
                    var b3 = Vector512.Create(Unsafe.Add(ref w3, i));
                    a30 = Vector512.FusedMultiplyAdd(b3, x0, a30);
                    a31 = Vector512.FusedMultiplyAdd(b3, x1, a31);
                    a32 = Vector512.FusedMultiplyAdd(b3, x2, a32);
                    a33 = Vector512.FusedMultiplyAdd(b3, x3, a33);
                }

                ref float d = ref Unsafe.Add(ref dr, (k * rp) + r);
                a00.StoreUnsafe(ref d, 0);
                a01.StoreUnsafe(ref d, 16);
                a02.StoreUnsafe(ref d, 32);
                a03.StoreUnsafe(ref d, 48);
                a10.StoreUnsafe(ref d, (nuint)(1 * rp));
                a11.StoreUnsafe(ref d, (nuint)((1 * rp) + 16));
                a12.StoreUnsafe(ref d, (nuint)((1 * rp) + 32));
                a13.StoreUnsafe(ref d, (nuint)((1 * rp) + 48));
                a20.StoreUnsafe(ref d, (nuint)(2 * rp));
                a21.StoreUnsafe(ref d, (nuint)((2 * rp) + 16));
                a22.StoreUnsafe(ref d, (nuint)((2 * rp) + 32));
                a23.StoreUnsafe(ref d, (nuint)((2 * rp) + 48));
                a30.StoreUnsafe(ref d, (nuint)(3 * rp));
                a31.StoreUnsafe(ref d, (nuint)((3 * rp) + 16));
                a32.StoreUnsafe(ref d, (nuint)((3 * rp) + 32));
                a33.StoreUnsafe(ref d, (nuint)((3 * rp) + 48));
            }
        }
    }

    /// <summary>
    /// y = b + Wᵀ H for features 0..n−1 (in tiles of 4), then e = (ReLU(y) − A x)·mask, the loss Σ I e² (returned,
    /// unscaled), d = 2·scale·I⊙e⊙[y &gt; 0] into <paramref name="d"/> and Σ_r d into <paramref name="gB"/>.
    /// </summary>
    public static double Output(
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> importance, ReadOnlySpan<float> teacher, int p, int n, int m,
        ReadOnlySpan<float> h, ReadOnlySpan<float> xt, Span<float> d, int rp, ReadOnlySpan<float> mask, float twoScale, Span<float> gB)
    {
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float hr = ref MemoryMarshal.GetReference(h);
        ref float xr = ref MemoryMarshal.GetReference(xt);
        ref float dr = ref MemoryMarshal.GetReference(d);
        ref float mr = ref MemoryMarshal.GetReference(mask);
        double total = 0;
        for (int i = 0; i < n; i += 4)
        {
            var db0 = V.Zero;
            var db1 = V.Zero;
            var db2 = V.Zero;
            var db3 = V.Zero;
            for (int r = 0; r < rp; r += RowBlock)
            {
                var a00 = Vector512.Create(b[i + 0]);
                var a01 = Vector512.Create(b[i + 0]);
                var a02 = Vector512.Create(b[i + 0]);
                var a03 = Vector512.Create(b[i + 0]);
                var a10 = Vector512.Create(b[i + 1]);
                var a11 = Vector512.Create(b[i + 1]);
                var a12 = Vector512.Create(b[i + 1]);
                var a13 = Vector512.Create(b[i + 1]);
                var a20 = Vector512.Create(b[i + 2]);
                var a21 = Vector512.Create(b[i + 2]);
                var a22 = Vector512.Create(b[i + 2]);
                var a23 = Vector512.Create(b[i + 2]);
                var a30 = Vector512.Create(b[i + 3]);
                var a31 = Vector512.Create(b[i + 3]);
                var a32 = Vector512.Create(b[i + 3]);
                var a33 = Vector512.Create(b[i + 3]);
                for (int k = 0; k < m; k++)
                {
                    ref float hk = ref Unsafe.Add(ref hr, (k * rp) + r);
                    var h0 = Vector512.LoadUnsafe(ref hk, 0);
                    var h1 = Vector512.LoadUnsafe(ref hk, 16);
                    var h2 = Vector512.LoadUnsafe(ref hk, 32);
                    var h3 = Vector512.LoadUnsafe(ref hk, 48);
                    ref float wk = ref Unsafe.Add(ref wr, (k * p) + i);
                    var c0 = Vector512.Create(Unsafe.Add(ref wk, 0));
                    a00 = Vector512.FusedMultiplyAdd(c0, h0, a00);
                    a01 = Vector512.FusedMultiplyAdd(c0, h1, a01);
                    a02 = Vector512.FusedMultiplyAdd(c0, h2, a02);
                    a03 = Vector512.FusedMultiplyAdd(c0, h3, a03);
                    var c1 = Vector512.Create(Unsafe.Add(ref wk, 1));
                    a10 = Vector512.FusedMultiplyAdd(c1, h0, a10);
                    a11 = Vector512.FusedMultiplyAdd(c1, h1, a11);
                    a12 = Vector512.FusedMultiplyAdd(c1, h2, a12);
                    a13 = Vector512.FusedMultiplyAdd(c1, h3, a13);
                    var c2 = Vector512.Create(Unsafe.Add(ref wk, 2));
                    a20 = Vector512.FusedMultiplyAdd(c2, h0, a20);
                    a21 = Vector512.FusedMultiplyAdd(c2, h1, a21);
                    a22 = Vector512.FusedMultiplyAdd(c2, h2, a22);
                    a23 = Vector512.FusedMultiplyAdd(c2, h3, a23);
                    var c3 = Vector512.Create(Unsafe.Add(ref wk, 3));
                    a30 = Vector512.FusedMultiplyAdd(c3, h0, a30);
                    a31 = Vector512.FusedMultiplyAdd(c3, h1, a31);
                    a32 = Vector512.FusedMultiplyAdd(c3, h2, a32);
                    a33 = Vector512.FusedMultiplyAdd(c3, h3, a33);
                }

                var loss = V.Zero;
                ref float mb = ref Unsafe.Add(ref mr, r);
                {
                    int f = i + 0;
                    var imp = Vector512.Create(importance[f]);
                    var te = Vector512.Create(teacher[f]);
                    var two = Vector512.Create(twoScale * importance[f]);
                    ref float xf = ref Unsafe.Add(ref xr, (f * rp) + r);
                    ref float df = ref Unsafe.Add(ref dr, (f * rp) + r);
                    db0 += Epilogue(a00, ref xf, ref df, ref mb, 0, imp, te, two, ref loss);
                    db0 += Epilogue(a01, ref xf, ref df, ref mb, 16, imp, te, two, ref loss);
                    db0 += Epilogue(a02, ref xf, ref df, ref mb, 32, imp, te, two, ref loss);
                    db0 += Epilogue(a03, ref xf, ref df, ref mb, 48, imp, te, two, ref loss);
                }
                {
                    int f = i + 1;
                    var imp = Vector512.Create(importance[f]);
                    var te = Vector512.Create(teacher[f]);
                    var two = Vector512.Create(twoScale * importance[f]);
                    ref float xf = ref Unsafe.Add(ref xr, (f * rp) + r);
                    ref float df = ref Unsafe.Add(ref dr, (f * rp) + r);
                    db1 += Epilogue(a10, ref xf, ref df, ref mb, 0, imp, te, two, ref loss);
                    db1 += Epilogue(a11, ref xf, ref df, ref mb, 16, imp, te, two, ref loss);
                    db1 += Epilogue(a12, ref xf, ref df, ref mb, 32, imp, te, two, ref loss);
                    db1 += Epilogue(a13, ref xf, ref df, ref mb, 48, imp, te, two, ref loss);
                }
                {
                    int f = i + 2;
                    var imp = Vector512.Create(importance[f]);
                    var te = Vector512.Create(teacher[f]);
                    var two = Vector512.Create(twoScale * importance[f]);
                    ref float xf = ref Unsafe.Add(ref xr, (f * rp) + r);
                    ref float df = ref Unsafe.Add(ref dr, (f * rp) + r);
                    db2 += Epilogue(a20, ref xf, ref df, ref mb, 0, imp, te, two, ref loss);
                    db2 += Epilogue(a21, ref xf, ref df, ref mb, 16, imp, te, two, ref loss);
                    db2 += Epilogue(a22, ref xf, ref df, ref mb, 32, imp, te, two, ref loss);
                    db2 += Epilogue(a23, ref xf, ref df, ref mb, 48, imp, te, two, ref loss);
                }
                {
                    int f = i + 3;
                    var imp = Vector512.Create(importance[f]);
                    var te = Vector512.Create(teacher[f]);
                    var two = Vector512.Create(twoScale * importance[f]);
                    ref float xf = ref Unsafe.Add(ref xr, (f * rp) + r);
                    ref float df = ref Unsafe.Add(ref dr, (f * rp) + r);
                    db3 += Epilogue(a30, ref xf, ref df, ref mb, 0, imp, te, two, ref loss);
                    db3 += Epilogue(a31, ref xf, ref df, ref mb, 16, imp, te, two, ref loss);
                    db3 += Epilogue(a32, ref xf, ref df, ref mb, 32, imp, te, two, ref loss);
                    db3 += Epilogue(a33, ref xf, ref df, ref mb, 48, imp, te, two, ref loss);
                }

                total += Vector512.Sum(loss);
            }

            gB[i + 0] += Vector512.Sum(db0);
            gB[i + 1] += Vector512.Sum(db1);
            gB[i + 2] += Vector512.Sum(db2);
            gB[i + 3] += Vector512.Sum(db3);
        }

        return total;
    }

    /// <summary>Loss term and d for one vector of rows of one feature; returns d (for Σ_r d).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Epilogue(V y, ref float x, ref float d, ref float mask, nuint offset, V imp, V teacher, V twoImp, ref V loss)
    {
        var e = (Vector512.Max(y, V.Zero) - (teacher * Vector512.LoadUnsafe(ref x, offset))) * Vector512.LoadUnsafe(ref mask, offset);
        loss = Vector512.FusedMultiplyAdd(imp * e, e, loss);
        var dv = Vector512.ConditionalSelect(Vector512.GreaterThan(y, V.Zero), twoImp * e, V.Zero);
        dv.StoreUnsafe(ref d, offset);
        return dv;
    }

    /// <summary>∂W[k·p + i] += Σ_r H[k·rp + r]·D[i·rp + r] + ∂H[k·rp + r]·Xᵀ[i·rp + r] for k &lt; mp and features in tiles of 4.</summary>
    public static void WeightGradient(ReadOnlySpan<float> h, ReadOnlySpan<float> dh, ReadOnlySpan<float> d, ReadOnlySpan<float> xt, int rp, int n, int mp, int p, Span<float> gW)
    {
        ref float hr = ref MemoryMarshal.GetReference(h);
        ref float ghr = ref MemoryMarshal.GetReference(dh);
        ref float dr = ref MemoryMarshal.GetReference(d);
        ref float xr = ref MemoryMarshal.GetReference(xt);
        for (int k = 0; k < mp; k += 4)
        {
            for (int i = 0; i < n; i += 4)
            {
                var a00 = V.Zero;
                var a01 = V.Zero;
                var a02 = V.Zero;
                var a03 = V.Zero;
                var a10 = V.Zero;
                var a11 = V.Zero;
                var a12 = V.Zero;
                var a13 = V.Zero;
                var a20 = V.Zero;
                var a21 = V.Zero;
                var a22 = V.Zero;
                var a23 = V.Zero;
                var a30 = V.Zero;
                var a31 = V.Zero;
                var a32 = V.Zero;
                var a33 = V.Zero;
                ref float hk = ref Unsafe.Add(ref hr, k * rp);
                ref float gk = ref Unsafe.Add(ref ghr, k * rp);
                ref float di = ref Unsafe.Add(ref dr, i * rp);
                ref float xi = ref Unsafe.Add(ref xr, i * rp);
                for (int r = 0; r < rp; r += Lanes)
                {
                    var u0 = Vector512.LoadUnsafe(ref hk, (nuint)r);
                    var u1 = Vector512.LoadUnsafe(ref hk, (nuint)((1 * rp) + r));
                    var u2 = Vector512.LoadUnsafe(ref hk, (nuint)((2 * rp) + r));
                    var u3 = Vector512.LoadUnsafe(ref hk, (nuint)((3 * rp) + r));
                    var v0 = Vector512.LoadUnsafe(ref di, (nuint)r);
                    var v1 = Vector512.LoadUnsafe(ref di, (nuint)((1 * rp) + r));
                    var v2 = Vector512.LoadUnsafe(ref di, (nuint)((2 * rp) + r));
                    var v3 = Vector512.LoadUnsafe(ref di, (nuint)((3 * rp) + r));
                    a00 = Vector512.FusedMultiplyAdd(u0, v0, a00);
                    a01 = Vector512.FusedMultiplyAdd(u0, v1, a01);
                    a02 = Vector512.FusedMultiplyAdd(u0, v2, a02);
                    a03 = Vector512.FusedMultiplyAdd(u0, v3, a03);
                    a10 = Vector512.FusedMultiplyAdd(u1, v0, a10);
                    a11 = Vector512.FusedMultiplyAdd(u1, v1, a11);
                    a12 = Vector512.FusedMultiplyAdd(u1, v2, a12);
                    a13 = Vector512.FusedMultiplyAdd(u1, v3, a13);
                    a20 = Vector512.FusedMultiplyAdd(u2, v0, a20);
                    a21 = Vector512.FusedMultiplyAdd(u2, v1, a21);
                    a22 = Vector512.FusedMultiplyAdd(u2, v2, a22);
                    a23 = Vector512.FusedMultiplyAdd(u2, v3, a23);
                    a30 = Vector512.FusedMultiplyAdd(u3, v0, a30);
                    a31 = Vector512.FusedMultiplyAdd(u3, v1, a31);
                    a32 = Vector512.FusedMultiplyAdd(u3, v2, a32);
                    a33 = Vector512.FusedMultiplyAdd(u3, v3, a33);
                    u0 = Vector512.LoadUnsafe(ref gk, (nuint)r);
                    u1 = Vector512.LoadUnsafe(ref gk, (nuint)((1 * rp) + r));
                    u2 = Vector512.LoadUnsafe(ref gk, (nuint)((2 * rp) + r));
                    u3 = Vector512.LoadUnsafe(ref gk, (nuint)((3 * rp) + r));
                    v0 = Vector512.LoadUnsafe(ref xi, (nuint)r);
                    v1 = Vector512.LoadUnsafe(ref xi, (nuint)((1 * rp) + r));
                    v2 = Vector512.LoadUnsafe(ref xi, (nuint)((2 * rp) + r));
                    v3 = Vector512.LoadUnsafe(ref xi, (nuint)((3 * rp) + r));
                    a00 = Vector512.FusedMultiplyAdd(u0, v0, a00);
                    a01 = Vector512.FusedMultiplyAdd(u0, v1, a01);
                    a02 = Vector512.FusedMultiplyAdd(u0, v2, a02);
                    a03 = Vector512.FusedMultiplyAdd(u0, v3, a03);
                    a10 = Vector512.FusedMultiplyAdd(u1, v0, a10);
                    a11 = Vector512.FusedMultiplyAdd(u1, v1, a11);
                    a12 = Vector512.FusedMultiplyAdd(u1, v2, a12);
                    a13 = Vector512.FusedMultiplyAdd(u1, v3, a13);
                    a20 = Vector512.FusedMultiplyAdd(u2, v0, a20);
                    a21 = Vector512.FusedMultiplyAdd(u2, v1, a21);
                    a22 = Vector512.FusedMultiplyAdd(u2, v2, a22);
                    a23 = Vector512.FusedMultiplyAdd(u2, v3, a23);
                    a30 = Vector512.FusedMultiplyAdd(u3, v0, a30);
                    a31 = Vector512.FusedMultiplyAdd(u3, v1, a31);
                    a32 = Vector512.FusedMultiplyAdd(u3, v2, a32);
                    a33 = Vector512.FusedMultiplyAdd(u3, v3, a33);
                }

                gW[((k + 0) * p) + i + 0] += Vector512.Sum(a00);
                gW[((k + 0) * p) + i + 1] += Vector512.Sum(a01);
                gW[((k + 0) * p) + i + 2] += Vector512.Sum(a02);
                gW[((k + 0) * p) + i + 3] += Vector512.Sum(a03);
                gW[((k + 1) * p) + i + 0] += Vector512.Sum(a10);
                gW[((k + 1) * p) + i + 1] += Vector512.Sum(a11);
                gW[((k + 1) * p) + i + 2] += Vector512.Sum(a12);
                gW[((k + 1) * p) + i + 3] += Vector512.Sum(a13);
                gW[((k + 2) * p) + i + 0] += Vector512.Sum(a20);
                gW[((k + 2) * p) + i + 1] += Vector512.Sum(a21);
                gW[((k + 2) * p) + i + 2] += Vector512.Sum(a22);
                gW[((k + 2) * p) + i + 3] += Vector512.Sum(a23);
                gW[((k + 3) * p) + i + 0] += Vector512.Sum(a30);
                gW[((k + 3) * p) + i + 1] += Vector512.Sum(a31);
                gW[((k + 3) * p) + i + 2] += Vector512.Sum(a32);
                gW[((k + 3) * p) + i + 3] += Vector512.Sum(a33);
            }
        }
    }
}
