namespace Superposition.Reports.Diff;

/// <summary>Δ = W_B − W_A of two equal-shaped frames with ‖W_A‖_F² and ‖Δ‖_F²: the one home of the difference.</summary>
internal static class WeightDifference
{
    public static (double[] Delta, double NormASquared, double NormDeltaSquared) Of(double[] weightsA, double[] weightsB)
    {
        ArgumentNullException.ThrowIfNull(weightsA);
        ArgumentNullException.ThrowIfNull(weightsB);
        var delta = new double[weightsA.Length];
        double normA = 0, normDelta = 0;
        for (int i = 0; i < delta.Length; i++)
        {
            delta[i] = weightsB[i] - weightsA[i];
            normA += weightsA[i] * weightsA[i];
            normDelta += delta[i] * delta[i];
        }

        return (delta, normA, normDelta);
    }
}
