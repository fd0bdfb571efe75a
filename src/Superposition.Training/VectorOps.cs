using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Superposition.Training;

/// <summary>Small float32 SIMD loops (<see cref="Vector{T}"/> with FMA, scalar tail) shared by the trainers.</summary>
internal static class VectorOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> c)
    {
        ref float ar = ref MemoryMarshal.GetReference(a);
        ref float cr = ref MemoryMarshal.GetReference(c);
        int len = a.Length;
        int i = 0;
        float s = 0f;
        if (len >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= len - Vector<float>.Count; i += Vector<float>.Count)
                acc = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ar, (nuint)i), Vector.LoadUnsafe(ref cr, (nuint)i), acc);
            s = Vector.Sum(acc);
        }

        for (; i < len; i++) s += Unsafe.Add(ref ar, i) * Unsafe.Add(ref cr, i);
        return s;
    }

    /// <summary>y += alpha · v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<float> y, float alpha, ReadOnlySpan<float> v)
    {
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float vr = ref MemoryMarshal.GetReference(v);
        int len = y.Length;
        int i = 0;
        var va = new Vector<float>(alpha);
        for (; i <= len - Vector<float>.Count; i += Vector<float>.Count)
            Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref vr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < len; i++) Unsafe.Add(ref yr, i) += alpha * Unsafe.Add(ref vr, i);
    }
}
