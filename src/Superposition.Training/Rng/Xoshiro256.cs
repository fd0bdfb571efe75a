using System.Numerics;
using System.Runtime.CompilerServices;

namespace Superposition.Training.Rng;

/// <summary>
/// xoshiro256** (Blackman and Vigna) seeded through SplitMix64. Our own generator so that every trained
/// number depends only on the seed, never on the runtime's <see cref="System.Random"/> implementation.
/// A struct: each instance, chunk and seed owns one, passed by ref, with no sharing between threads.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the four state words from SplitMix64 so that nearby seeds give unrelated streams.</summary>
    public Xoshiro256(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A generator with the given raw state (published test vectors).</summary>
    internal static Xoshiro256 FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var g = default(Xoshiro256);
        g._s0 = s0;
        g._s1 = s1;
        g._s2 = s2;
        g._s3 = s3;
        return g;
    }

    /// <summary>A stream derived from a base seed and up to three labels (instance, seed, chunk, ...).</summary>
    public static Xoshiro256 ForStream(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        ulong x = seed ^ 0x6A09E667F3BCC909UL;
        ulong mixed = SplitMix64(ref x);
        x = mixed ^ (a * 0x9E3779B97F4A7C15UL);
        mixed = SplitMix64(ref x);
        x = mixed ^ (b * 0xC2B2AE3D27D4EB4FUL);
        mixed = SplitMix64(ref x);
        x = mixed ^ (c * 0x165667B19E3779F9UL);
        return new Xoshiro256(SplitMix64(ref x));
    }

    internal static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 24 random bits (every float32 multiple of 2^-24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / 16777216.0f);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Standard normal by Box-Muller (one value per call; the partner is discarded for simplicity).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
