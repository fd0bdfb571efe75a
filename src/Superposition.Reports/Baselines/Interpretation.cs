using System.Globalization;
using Superposition.Training.Geometry;

namespace Superposition.Reports.Baselines;

/// <summary>How much a layer's nearest toy means.</summary>
public enum Closeness
{
    /// <summary>Distance below <see cref="Interpretation.CloseDistance"/>.</summary>
    Close,

    /// <summary>Distance below <see cref="Interpretation.LooseDistance"/>.</summary>
    Loose,

    /// <summary>Any larger distance: the toy is named for reference only.</summary>
    Far,
}

/// <summary>What the toy comparison says about a layer.</summary>
public enum LayerRegime
{
    /// <summary>Structured and close or loose to the toy trajectory: placed at a feature probability.</summary>
    ToyRegime,

    /// <summary>Structured but far from every toy of its shape: "unlike any toy regime".</summary>
    UnlikeAnyToy,

    /// <summary>Not separated from its shuffled or Gaussian null by more than their seed-to-seed spread.</summary>
    Unstructured,

    /// <summary>No toy of a matching shape could be trained (the reason is given).</summary>
    NotPlaced,
}

/// <summary>
/// The one home of every threshold the toy comparison is read with, and the sentences built from them. Changing a
/// value here changes the report, the CLI and the JSON together (and the tests that pin them).
/// </summary>
public static class Interpretation
{
    /// <summary>A placement closer than this is "close".</summary>
    public const double CloseDistance = 0.2;

    /// <summary>A placement closer than this (and not close) is "loose"; further is "far".</summary>
    public const double LooseDistance = 0.5;

    /// <summary>A frame is separated from a null when its median distance to the null's seeds exceeds this times their median pairwise distance.</summary>
    public const double StructuredSpreadFactor = 1.5;

    /// <summary>... and further than this (large frames have nulls whose seeds agree to 1e-3).</summary>
    public const double StructuredDistanceFloor = 0.05;

    /// <summary>A toy feature with ‖w_i‖ strictly above this is represented (the trainer's own threshold, ToyGeometry).</summary>
    public const double RepresentedNorm = ToyGeometry.DefaultRepresentedThreshold;

    public static bool IsRepresented(double norm) => norm > RepresentedNorm;

    public static Closeness ClosenessOf(double distance) =>
        distance < CloseDistance ? Closeness.Close : distance < LooseDistance ? Closeness.Loose : Closeness.Far;

    public static LayerRegime RegimeOf(Closeness closeness, bool structured) =>
        !structured ? LayerRegime.Unstructured : closeness == Closeness.Far ? LayerRegime.UnlikeAnyToy : LayerRegime.ToyRegime;

    /// <summary>Lower-case label of a closeness band, as printed.</summary>
    public static string Label(Closeness closeness) => closeness switch
    {
        Closeness.Close => "close",
        Closeness.Loose => "loose",
        _ => "far",
    };

    /// <summary>The rule behind the bands, as printed in the methods and under the CLI table.</summary>
    public static string BandsSentence() =>
        string.Create(CultureInfo.InvariantCulture, $"close < {CloseDistance}, loose < {LooseDistance}, else far");

    /// <summary>The rule behind "structured", as printed.</summary>
    public static string StructuredSentence() =>
        string.Create(CultureInfo.InvariantCulture,
            $"structured when the median distance to the shuffled nulls and to the Gaussian nulls ({NullModels.Seeds} seeds each, {NullModels.SmallFrameSeeds} up to {NullModels.SmallFrameEntries:N0} entries) exceeds {StructuredSpreadFactor:0.0#} × their median seed-to-seed distance and {StructuredDistanceFloor}");
}
