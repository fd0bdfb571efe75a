namespace Superposition.Reports.Charts;

/// <summary>
/// Device-independent vector drawing commands. Coordinates are points (1/72 inch) in a box whose origin is
/// the top-left corner, y growing downwards (as in PDF pages after PDFsharp's transform, and in SVG).
/// </summary>
internal abstract record Primitive;

internal readonly record struct PointD(double X, double Y);

/// <summary>Line style. Dashed lines use a 4-on 3-off pattern scaled by nothing (points).</summary>
internal sealed record Stroke(ChartColor Color, double Width, bool Dashed = false);

internal sealed record LinePrimitive(PointD From, PointD To, Stroke Stroke) : Primitive;

internal sealed record PolylinePrimitive(IReadOnlyList<PointD> Points, Stroke Stroke) : Primitive;

internal sealed record RectPrimitive(double X, double Y, double Width, double Height, ChartColor? Fill, Stroke? Stroke)
    : Primitive;

/// <summary>
/// A grid of coloured cells (a heatmap) covering the box (X, Y, Width, Height): <paramref name="Pixels"/> holds
/// Rows × Columns colours, row-major, the first row at the top. PDF draws it as vector cells, SVG as one image.
/// </summary>
internal sealed record RasterPrimitive(double X, double Y, double Width, double Height, int Columns, int Rows, IReadOnlyList<ChartColor> Pixels) : Primitive;

internal sealed record CirclePrimitive(PointD Center, double Radius, ChartColor? Fill, Stroke? Stroke) : Primitive;

/// <summary>Horizontal anchor of a text relative to its point (before rotation).</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>Vertical anchor of a text relative to its point (before rotation).</summary>
internal enum TextBaseline
{
    Top,
    Middle,
    Bottom,
}

/// <summary>
/// A single line of text. <see cref="RotationDegrees"/> turns it about <see cref="At"/>, counter-clockwise as
/// seen on the page: 90 reads bottom-to-top, the usual y-axis label.
/// </summary>
internal sealed record TextPrimitive(
    PointD At,
    string Text,
    double Size,
    TextAnchor Anchor,
    TextBaseline Baseline,
    ChartColor Color,
    double RotationDegrees = 0,
    bool Bold = false) : Primitive;

/// <summary>Restricts following primitives to a rectangle until the matching <see cref="PopClipPrimitive"/>.</summary>
internal sealed record PushClipPrimitive(double X, double Y, double Width, double Height) : Primitive;

internal sealed record PopClipPrimitive : Primitive;

/// <summary>The output of <see cref="ChartLayout"/>.</summary>
/// <param name="Width">Box width in points.</param>
/// <param name="Height">Box height in points.</param>
/// <param name="Primitives">Drawing commands in painting order.</param>
/// <param name="Notes">Data issues worth telling the reader (skipped NaN, non-positive values on log axes,
/// downsampled heatmaps).</param>
internal sealed record ChartDrawing(double Width, double Height, IReadOnlyList<Primitive> Primitives, IReadOnlyList<string> Notes)
{
    /// <summary>The values under the drawn data, for renderers with tooltips; empty when the chart has no data.</summary>
    public ChartTips Tips { get; init; } = new();
}
