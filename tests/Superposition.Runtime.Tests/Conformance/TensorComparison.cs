using Superposition.Onnx.Graph;
using System.Globalization;

namespace Superposition.Runtime.Tests.Conformance;

/// <summary>
/// Compares an ORT output with the shipped expected tensor. Stated tolerances (the ONNX backend suite's own
/// default is rtol 1e-3): float32 and float64 |actual - expected| &lt;= 1e-4 + 1e-3·|expected|; float16 the same
/// with atol 1e-3 (half precision carries about 3 decimal digits); NaN matches NaN, infinities must be equal;
/// integers and bool must be exact. Shape and element type must match exactly.
/// </summary>
internal static class TensorComparison
{
    internal const double RelativeTolerance = 1e-3;
    internal const double AbsoluteTolerance = 1e-4;
    internal const double Float16AbsoluteTolerance = 1e-3;

    /// <summary>Null when equal within tolerance; otherwise what differs.</summary>
    internal static string? Difference(OrtTensor expected, OrtTensor actual)
    {
        if (expected.ElementType != actual.ElementType)
        {
            return $"element type {actual.ElementType}, expected {expected.ElementType}";
        }

        if (!expected.Shape.SequenceEqual(actual.Shape))
        {
            return $"shape {OrtTensor.Format(actual.Shape)}, expected {OrtTensor.Format(expected.Shape)}";
        }

        return expected.ElementType switch
        {
            OnnxDataType.Float32 or OnnxDataType.Float64 =>
                CompareFloats(expected.ToDoubleArray(), actual.ToDoubleArray(), AbsoluteTolerance),
            OnnxDataType.Float16 =>
                CompareFloats(expected.ToDoubleArray(), actual.ToDoubleArray(), Float16AbsoluteTolerance),
            _ => CompareExact(expected, actual),
        };
    }

    private static string? CompareFloats(double[] expected, double[] actual, double atol)
    {
        var bad = 0;
        var first = -1;
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a))
            {
                continue;
            }

            if (double.IsInfinity(e) || double.IsInfinity(a))
            {
                if (e.Equals(a))
                {
                    continue;
                }
            }
            else
            {
                var error = Math.Abs(a - e);
                if (error <= atol + RelativeTolerance * Math.Abs(e))
                {
                    continue;
                }

                worst = Math.Max(worst, error);
            }

            bad++;
            first = first < 0 ? i : first;
        }

        return bad == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{bad} of {expected.Length} values outside tolerance; first at {first}: {actual[first]:R} vs {expected[first]:R}; max |error| {worst:G4}");
    }

    private static string? CompareExact(OrtTensor expected, OrtTensor actual)
    {
        var e = expected.AsBytes();
        var a = actual.AsBytes();
        if (e.SequenceEqual(a))
        {
            return null;
        }

        var ev = expected.Data;
        var av = actual.Data;
        var bad = 0;
        var first = -1;
        for (var i = 0; i < ev.Length; i++)
        {
            if (!Equals(ev.GetValue(i), av.GetValue(i)))
            {
                bad++;
                first = first < 0 ? i : first;
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{bad} of {ev.Length} values differ; first at {first}: {av.GetValue(first)} vs {ev.GetValue(first)}");
    }
}
