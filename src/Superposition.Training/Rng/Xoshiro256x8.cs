using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Superposition.Training.Rng;

/// <summary>
/// Eight independent xoshiro256** streams, one per 64-bit lane of a <see cref="Vector512{T}"/>, stepped together:
/// one call yields 8 × 64 random bits (16 × 32) for about a dozen vector instructions. Lane j of a stream is seeded
/// from <see cref="Xoshiro256.ForStream"/> with the lane number folded into the last label, so every number
/// depends only on the labels.
/// </summary>
internal struct Xoshiro256x8
{
    private Vector512<ulong> _s0;
    private Vector512<ulong> _s1;
    private Vector512<ulong> _s2;
    private Vector512<ulong> _s3;

    /// <summary>Streams for labels (a, b, c); c must be below 2⁶⁰.</summary>
    public static Xoshiro256x8 ForStream(ulong seed, ulong a, ulong b, ulong c)
    {
        Span<ulong> s = stackalloc ulong[32];
        for (int j = 0; j < 8; j++)
        {
            var g = Xoshiro256.ForStream(seed, a, b, (c << 3) | (uint)j);
            for (int w = 0; w < 4; w++) s[(w * 8) + j] = g.NextUInt64();
        }

        return FromState(s);
    }

    /// <summary>Raw state: word w of lane j at <c>state[w·8 + j]</c> (tests compare lanes with <see cref="Xoshiro256"/>).</summary>
    internal static Xoshiro256x8 FromState(ReadOnlySpan<ulong> s)
    {
        return new Xoshiro256x8
        {
            _s0 = Vector512.Create<ulong>(s[..8]),
            _s1 = Vector512.Create<ulong>(s.Slice(8, 8)),
            _s2 = Vector512.Create<ulong>(s.Slice(16, 8)),
            _s3 = Vector512.Create<ulong>(s.Slice(24, 8)),
        };
    }

    /// <summary>The next 64 bits of each of the eight streams (lane j = stream j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> Next()
    {
        var s1 = _s1;
        var five = s1 + (s1 << 2);
        var rot = (five << 7) | (five >> 57);
        var result = rot + (rot << 3);
        var t = s1 << 17;
        _s2 ^= _s0;
        _s3 ^= s1;
        _s1 = s1 ^ _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = (_s3 << 45) | (_s3 >> 19);
        return result;
    }
}
