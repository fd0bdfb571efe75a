using Superposition.Spectral.Frames;

namespace Superposition.Spectral.Measures;

/// <summary>Scale-free versions of scale-dependent measures (MATH.md section 3).</summary>
internal static class ScaleFree
{
    /// <summary>m · mean ‖w_i‖² / ‖W‖_F² over live features: D* of the frame rescaled to mean unit norm (m/n).</summary>
    public static double DimensionsPerFeature(LiveFrame frame)
    {
        double sum = 0;
        for (var i = 0; i < frame.N; i++)
        {
            sum += frame.NormSquared[i];
        }

        return frame.M * (sum / frame.N) / frame.FrobeniusSquared;
    }
}
