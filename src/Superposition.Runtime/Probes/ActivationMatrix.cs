namespace Superposition.Runtime.Probes;

/// <summary>
/// The values one intermediate tensor took over all probe inputs, as a samples × features matrix: one axis is the
/// feature axis (<see cref="FeatureAxis"/>), every other axis (batch, sequence, spatial) counts as samples.
/// Row-major, float64.
/// </summary>
/// <param name="Name">The value's name in the graph.</param>
/// <param name="BatchShape">The tensor's shape in one run (first run).</param>
/// <param name="Rows">Samples: all runs, all leading positions.</param>
/// <param name="Columns">Features: the size of the feature axis (1 for a scalar).</param>
/// <param name="Data">Rows × Columns values, row-major.</param>
/// <param name="FeatureAxis">The axis of <paramref name="BatchShape"/> used as features (0 for a scalar).</param>
public sealed record ActivationMatrix(string Name, IReadOnlyList<long> BatchShape, int Rows, int Columns, double[] Data, int FeatureAxis);
