namespace Superposition.Runtime.Probes;

/// <summary>Rearranges a tensor into samples × features, with any axis as the feature axis.</summary>
internal static class ActivationLayout
{
    /// <summary>Operators whose rank ≥ 3 outputs are NCHW-like, with channels (features) on axis 1.</summary>
    private static readonly HashSet<string> ChannelFirstOps = new(StringComparer.Ordinal)
    {
        "Conv", "ConvTranspose", "ConvInteger", "QLinearConv", "BatchNormalization", "InstanceNormalization",
        "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool",
    };

    /// <summary>The feature axis for a value of the given rank produced by <paramref name="opType"/>.</summary>
    internal static int FeatureAxis(int rank, string? opType, int? requested)
    {
        if (rank == 0)
        {
            return 0;
        }

        if (requested is { } axis)
        {
            var resolved = axis < 0 ? axis + rank : axis;
            if (resolved < 0 || resolved >= rank)
            {
                throw Fail.InvalidArgument("probe feature axis", axis, $"an axis of a rank-{rank} tensor");
            }

            return resolved;
        }

        return rank >= 3 && opType is not null && ChannelFirstOps.Contains(opType) ? 1 : rank - 1;
    }

    /// <summary>Appends <paramref name="values"/> (row-major, <paramref name="shape"/>) to <paramref name="target"/> as rows.</summary>
    internal static void AppendRows(double[] values, IReadOnlyList<long> shape, int axis, double[] target, long offset)
    {
        if (shape.Count == 0)
        {
            target[offset] = values[0];
            return;
        }

        long outer = 1, inner = 1;
        for (var d = 0; d < axis; d++)
        {
            outer *= shape[d];
        }

        for (var d = axis + 1; d < shape.Count; d++)
        {
            inner *= shape[d];
        }

        var features = shape[axis];
        for (long o = 0; o < outer; o++)
        {
            for (long i = 0; i < inner; i++)
            {
                var row = offset + (((o * inner) + i) * features);
                var source = (o * features * inner) + i;
                for (long f = 0; f < features; f++)
                {
                    target[row + f] = values[source + (f * inner)];
                }
            }
        }
    }
}
