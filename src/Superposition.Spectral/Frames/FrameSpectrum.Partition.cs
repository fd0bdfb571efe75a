namespace Superposition.Spectral.Frames;

/// <summary>Eigenspace grouping and log bins (MATH.md section 1).</summary>
internal sealed partial class FrameSpectrum
{
    /// <summary>Consecutive (descending) eigenvalues within the tolerance of their predecessor share a group.</summary>
    internal static (EigenGroup[] Groups, int[] GroupOf) Group(double[] values, int rank, double tolerance)
    {
        var groups = new List<EigenGroup>();
        var groupOf = new int[values.Length];
        var start = 0;
        for (var k = 1; k <= rank; k++)
        {
            if (k == rank || values[k - 1] - values[k] > tolerance)
            {
                double sum = 0;
                for (var j = start; j < k; j++)
                {
                    sum += values[j];
                    groupOf[j] = groups.Count;
                }

                groups.Add(new EigenGroup(start, k - start, sum / (k - start), IsNull: false));
                start = k;
            }
        }

        if (rank < values.Length)
        {
            for (var j = rank; j < values.Length; j++)
            {
                groupOf[j] = groups.Count;
            }

            groups.Add(new EigenGroup(rank, values.Length - rank, 0.0, IsNull: true));
        }

        return ([.. groups], groupOf);
    }

    /// <summary>
    /// Log-spaced bins between the smallest positive and the largest eigenvalue. Eigenvalues are binned by their
    /// eigenspace's value, so an exact degeneracy split by rounding never straddles a bin edge (the binned measure
    /// is then a coarsening of the eigenspace measure).
    /// </summary>
    internal static (double[] Edges, int[] BinOf) Bin(EigenGroup[] groups, int[] groupOf, int bins)
    {
        var positive = groups.Where(g => !g.IsNull).ToArray();
        var lowValue = positive[^1].Value;
        var highValue = positive[0].Value;
        var low = Math.Log(lowValue);
        var high = Math.Log(highValue);
        var edges = new double[bins + 1];
        for (var b = 0; b <= bins; b++)
        {
            edges[b] = Math.Exp(low + ((high - low) * b / bins));
        }

        edges[0] = lowValue;
        edges[bins] = highValue;
        var binOf = new int[groupOf.Length];
        for (var k = 0; k < groupOf.Length; k++)
        {
            var group = groups[groupOf[k]];
            if (group.IsNull)
            {
                binOf[k] = -1;
                continue;
            }

            // One eigenspace (tight frame): high == low and everything falls into bin 0.
            var position = high > low ? (Math.Log(group.Value) - low) / (high - low) * bins : 0.0;
            binOf[k] = Math.Clamp((int)Math.Floor(position), 0, bins - 1);
        }

        return (edges, binOf);
    }
}

/// <summary>One eigenspace: eigenvalue indices [Start, Start + Count) of the descending order.</summary>
internal sealed record EigenGroup(int Start, int Count, double Value, bool IsNull);
