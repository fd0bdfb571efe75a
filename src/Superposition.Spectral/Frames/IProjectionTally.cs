namespace Superposition.Spectral.Frames;

/// <summary>
/// A measure that reads the blocks of projections u_kᵀ w_i the per-feature pass (<see cref="FeatureMeasures.Compute"/>)
/// forms anyway, so that it needs no Gemm of its own.
/// </summary>
internal interface IProjectionTally
{
    /// <summary>
    /// Reads the features whose projections are the columns of <paramref name="projections"/> (m × count, column-major,
    /// count = <paramref name="normSquared"/>.Length, their ‖w_i‖²); the block is read, not changed.
    /// </summary>
    void Add(ReadOnlySpan<double> projections, ReadOnlySpan<double> normSquared);
}
