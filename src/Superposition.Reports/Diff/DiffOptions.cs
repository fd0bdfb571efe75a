namespace Superposition.Reports.Diff;

/// <summary>Options of <see cref="ModelDiffer"/>. Defaults as documented in docs/methods.md, "Model diff".</summary>
public sealed record DiffOptions
{
    /// <summary>The defaults below.</summary>
    public static DiffOptions Default { get; } = new();

    /// <summary>
    /// For layers whose B is quantized, analyse A plus a seeded Gaussian perturbation of the quantization's Frobenius
    /// size as the scale each measure's change is read against (one more analysis of each such layer). Default true.
    /// </summary>
    public bool NoiseReference { get; init; } = true;

    /// <summary>Seed of that perturbation (the same for every layer). Default 16.</summary>
    public int NoiseSeed { get; init; } = 16;
}
