namespace Superposition.Reports.Charts;

/// <summary>Colour scales for heatmaps.</summary>
public enum ColorScale
{
    /// <summary>Sequential, perceptually ordered dark purple → yellow (viridis anchors).</summary>
    Viridis,

    /// <summary>Blue → white → red, centred on zero by default (for signed values such as cosines).</summary>
    Diverging,

    /// <summary>White → black.</summary>
    Greys,
}

/// <summary>Maps t ∈ [0, 1] to a colour of a scale by piecewise-linear interpolation between anchors.</summary>
internal static class ColorScales
{
    // Five anchors of matplotlib's viridis (at 0, 0.25, 0.5, 0.75, 1): close enough for a report figure.
    private static readonly ChartColor[] ViridisAnchors =
        [new(68, 1, 84), new(59, 82, 139), new(33, 145, 140), new(94, 201, 98), new(253, 231, 37)];

    private static readonly ChartColor[] DivergingAnchors = [new(59, 76, 192), new(247, 247, 247), new(180, 4, 38)];

    private static readonly ChartColor[] GreysAnchors = [ChartColor.White, ChartColor.Black];

    public static ChartColor At(ColorScale scale, double t)
    {
        var anchors = scale switch
        {
            ColorScale.Diverging => DivergingAnchors,
            ColorScale.Greys => GreysAnchors,
            _ => ViridisAnchors,
        };
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        var position = t * (anchors.Length - 1);
        var i = Math.Min((int)Math.Floor(position), anchors.Length - 2);
        return ChartColor.Lerp(anchors[i], anchors[i + 1], position - i);
    }
}
