namespace Superposition.Runtime.Probes;

/// <summary>How <see cref="ActivationProbe"/> feeds a model.</summary>
/// <param name="Batches">Number of Run calls; default 4.</param>
/// <param name="BatchSize">Size given to a dynamic first dimension; default 16 (so 64 input samples in all).</param>
/// <param name="Seed">Seed of the input generator; default 20260121. The same seed gives the same inputs.</param>
/// <param name="DynamicDimensionSize">Size of any other dynamic dimension without an entry in <paramref name="DimensionSizes"/>; default 1.</param>
/// <param name="DimensionSizes">Sizes for symbolic dimensions by name (e.g. "sequence" = 32); default none.</param>
/// <param name="IntegerUpperBound">Integer inputs are uniform in [0, bound); default 2 (token ids, masks). Set it to the vocabulary size for embeddings.</param>
/// <param name="MaxValuesPerActivation">Refuse to keep more than this many values of one activation (8 bytes each); default 2^24 (128 MiB).</param>
/// <param name="Runtime">Session options; default <see cref="OrtOptions.Default"/>.</param>
/// <param name="FeatureAxis">
/// The axis that holds features; every other axis counts as samples. Default null: axis 1 (channels) for outputs
/// of rank 3 or more of convolution-family nodes (NCHW), the last axis otherwise. Negative values count from the end.
/// </param>
/// <param name="InputShapes">Full shapes for named inputs, overriding every rule above (e.g. "input" = [1, 512]); default none.</param>
/// <param name="Samples">When set, run as many batches as it takes to reach this many input samples, counted on the first
/// input's first dimension as generated (a model with a fixed batch of 1 then runs once per sample); overrides <paramref name="Batches"/>.</param>
/// <param name="FeatureAxes">Per-value feature axis, overriding <paramref name="FeatureAxis"/> (e.g. axis 1 for a value a Conv reads); default none.</param>
public sealed record ProbeOptions(
    int Batches = 4,
    int BatchSize = 16,
    int Seed = 20260121,
    long DynamicDimensionSize = 1,
    IReadOnlyDictionary<string, long>? DimensionSizes = null,
    long IntegerUpperBound = 2,
    long MaxValuesPerActivation = 1L << 24,
    OrtOptions? Runtime = null,
    int? FeatureAxis = null,
    IReadOnlyDictionary<string, int>? FeatureAxes = null,
    int? Samples = null,
    IReadOnlyDictionary<string, long[]>? InputShapes = null)
{
    public static ProbeOptions Default { get; } = new();
}
