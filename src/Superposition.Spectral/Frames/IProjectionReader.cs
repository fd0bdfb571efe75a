namespace Superposition.Spectral.Frames;

/// <summary>
/// Reads each block of projections Uᵀ W_b that the per-feature measures compute (<see cref="FeatureMeasures"/>),
/// before the leverage's Gram scales it in place, so that a quantity needing the same projections makes no second
/// pass over W (2 n m² FLOPs saved per reader).
/// </summary>
internal interface IProjectionReader
{
    /// <summary>The projections of features start … start + count − 1 (m × count, column-major, u_kᵀ w_i).</summary>
    void Read(ReadOnlySpan<double> projections, int start, int count);
}
