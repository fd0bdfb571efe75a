namespace Superposition.Spectral.Measures;

/// <summary>
/// The 1-Wasserstein (earth mover's) distance between two discrete probability measures on the real line:
/// W₁(μ, ν) = ∫ |F_μ(x) − F_ν(x)| dx with F the cumulative distribution functions (on the line this equals the
/// optimal transport cost with cost |x − y|). Used to compare spectral measures that live on two different spectra
/// (docs/methods.md, "Spectral-measure drift").
/// </summary>
public static class Wasserstein
{
    /// <summary>
    /// W₁ between Σ_k a_k δ(x_k) and Σ_k b_k δ(y_k). Positions must be ascending; masses non-negative with a positive
    /// total. Each side is divided by its own total, so masses that sum to 1 only up to rounding give a distance
    /// between true probability measures.
    /// </summary>
    public static double OnLine(ReadOnlySpan<double> positionsA, ReadOnlySpan<double> massesA, ReadOnlySpan<double> positionsB, ReadOnlySpan<double> massesB)
    {
        double totalA = Total(positionsA, massesA, "A"), totalB = Total(positionsB, massesB, "B");
        int i = 0, j = 0;
        double cumulativeA = 0, cumulativeB = 0, distance = 0;
        double previous = Math.Min(positionsA[0], positionsB[0]);
        while (i < positionsA.Length || j < positionsB.Length)
        {
            double x = Math.Min(i < positionsA.Length ? positionsA[i] : double.PositiveInfinity, j < positionsB.Length ? positionsB[j] : double.PositiveInfinity);
            distance += Math.Abs(cumulativeA - cumulativeB) * (x - previous);
            while (i < positionsA.Length && positionsA[i] <= x) cumulativeA += massesA[i++] / totalA;
            while (j < positionsB.Length && positionsB[j] <= x) cumulativeB += massesB[j++] / totalB;
            previous = x;
        }

        return distance;
    }

    private static double Total(ReadOnlySpan<double> positions, ReadOnlySpan<double> masses, string side)
    {
        if (positions.Length == 0 || positions.Length != masses.Length)
        {
            throw Fail.InvalidArgument($"Wasserstein: positions and masses of {side}", $"{positions.Length} and {masses.Length}", "the same positive length");
        }

        double total = 0;
        for (int k = 0; k < masses.Length; k++)
        {
            if (!(masses[k] >= 0) || !double.IsFinite(positions[k]) || (k > 0 && positions[k] < positions[k - 1]))
            {
                throw Fail.InvalidArgument($"Wasserstein: point {k} of {side}", $"({positions[k]}, {masses[k]})", "finite ascending positions with non-negative masses");
            }

            total += masses[k];
        }

        if (!(total > 0)) throw Fail.InvalidArgument($"Wasserstein: total mass of {side}", total, "a positive total");
        return total;
    }
}
