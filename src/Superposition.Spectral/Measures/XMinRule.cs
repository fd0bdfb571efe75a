namespace Superposition.Spectral.Measures;

/// <summary>Which eigenvalues are candidate x_min of the power-law fit.</summary>
public enum XMinRule
{
    /// <summary>WeightWatcher 0.7.5.5 (WWFit): every eigenvalue above the floor but the largest, no minimum tail. Default.</summary>
    WeightWatcher,

    /// <summary>The stricter rule: only tails of at least HeavyTailOptions.MinTailSize eigenvalues.</summary>
    MinimumTail,
}
