using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// The four 8-bit float formats of the ONNX IR (after Micikevicius et al., "FP8 formats for deep learning", and the
/// FNUZ variants of Graphcore/AMD): sign, exponent and mantissa bits, bias, and which codes are NaN or infinity.
/// </summary>
internal static class Float8
{
    /// <summary>The value of one stored byte of <paramref name="type"/>.</summary>
    public static double ToDouble(byte code, OnnxDataType type) => type switch
    {
        // E4M3FN: bias 7, no infinities, S.1111.111 is NaN; largest finite 448.
        OnnxDataType.Float8E4M3FN => (code & 0x7F) == 0x7F ? double.NaN : Compose(code, 4, 3, 7),
        // E4M3FNUZ: bias 8, no infinities and no negative zero: 0x80 is the only NaN.
        OnnxDataType.Float8E4M3FNUZ => code == 0x80 ? double.NaN : Compose(code, 4, 3, 8),
        // E5M2: IEEE-like, bias 15, exponent 31 holds the infinities (mantissa 0) and NaNs.
        OnnxDataType.Float8E5M2 => (code & 0x7C) == 0x7C
            ? ((code & 0x03) == 0 ? ((code & 0x80) != 0 ? double.NegativeInfinity : double.PositiveInfinity) : double.NaN)
            : Compose(code, 5, 2, 15),
        // E5M2FNUZ: bias 16, no infinities and no negative zero: 0x80 is the only NaN.
        OnnxDataType.Float8E5M2FNUZ => code == 0x80 ? double.NaN : Compose(code, 5, 2, 16),
        _ => throw Fail.Internal($"{type.Name()} is not a float8 type"),
    };

    /// <summary>(−1)^s · 2^(e − bias) · (1 + m/2^M), or the subnormal 2^(1 − bias) · m/2^M when e = 0.</summary>
    private static double Compose(byte code, int exponentBits, int mantissaBits, int bias)
    {
        int mantissa = code & ((1 << mantissaBits) - 1);
        int exponent = (code >> mantissaBits) & ((1 << exponentBits) - 1);
        double fraction = mantissa / (double)(1 << mantissaBits);
        double magnitude = exponent == 0
            ? Math.ScaleB(fraction, 1 - bias)
            : Math.ScaleB(1 + fraction, exponent - bias);
        return (code & 0x80) != 0 ? -magnitude : magnitude;
    }
}
