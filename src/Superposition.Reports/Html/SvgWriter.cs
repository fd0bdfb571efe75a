using System.Globalization;
using System.Text;
using Superposition.Reports.Charts;

namespace Superposition.Reports.Html;

/// <summary>Writes chart primitives as one inline SVG element (no external references).</summary>
internal static class SvgWriter
{
    /// <param name="drawing">What to draw.</param>
    /// <param name="idPrefix">Makes clip-path ids unique when several charts share one HTML page.</param>
    public static string Write(ChartDrawing drawing, string idPrefix)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" ")
            .Append(CultureInfo.InvariantCulture, $"width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\" role=\"img\" class=\"chart\" ")
            .Append("font-family=\"DejaVu Sans, Verdana, sans-serif\">\n");
        var clip = 0;
        foreach (var primitive in drawing.Primitives)
        {
            switch (primitive)
            {
                case LinePrimitive l:
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(l.From.X)}\" y1=\"{N(l.From.Y)}\" x2=\"{N(l.To.X)}\" y2=\"{N(l.To.Y)}\"{StrokeAttributes(l.Stroke)}/>\n");
                    break;
                case PolylinePrimitive pl:
                    svg.Append("<polyline fill=\"none\" points=\"");
                    foreach (var point in pl.Points)
                    {
                        svg.Append(N(point.X)).Append(',').Append(N(point.Y)).Append(' ');
                    }

                    svg.Append('"').Append(StrokeAttributes(pl.Stroke)).Append(" stroke-linejoin=\"round\"/>\n");
                    break;
                case RectPrimitive r:
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(r.X)}\" y=\"{N(r.Y)}\" width=\"{N(r.Width)}\" height=\"{N(r.Height)}\" fill=\"{Fill(r.Fill)}\"{StrokeAttributes(r.Stroke)}/>\n");
                    break;
                case RasterPrimitive raster:
                    // One embedded PNG, drawn without smoothing, keeps a 200 × 60 heatmap to kilobytes instead of 12,000 elements.
                    var png = Convert.ToBase64String(PngEncoder.Encode(raster.Columns, raster.Rows, raster.Pixels));
                    svg.Append(CultureInfo.InvariantCulture, $"<image x=\"{N(raster.X)}\" y=\"{N(raster.Y)}\" width=\"{N(raster.Width)}\" height=\"{N(raster.Height)}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,{png}\"/>\n");
                    break;
                case CirclePrimitive c:
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(c.Center.X)}\" cy=\"{N(c.Center.Y)}\" r=\"{N(c.Radius)}\" fill=\"{Fill(c.Fill)}\"{StrokeAttributes(c.Stroke)}/>\n");
                    break;
                case TextPrimitive t:
                    WriteText(svg, t);
                    break;
                case PushClipPrimitive pc:
                    var id = idPrefix + "-clip" + clip++.ToString(CultureInfo.InvariantCulture);
                    svg.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"{id}\"><rect x=\"{N(pc.X)}\" y=\"{N(pc.Y)}\" width=\"{N(pc.Width)}\" height=\"{N(pc.Height)}\"/></clipPath>\n")
                        .Append(CultureInfo.InvariantCulture, $"<g clip-path=\"url(#{id})\">\n");
                    break;
                case PopClipPrimitive:
                    svg.Append("</g>\n");
                    break;
                default:
                    throw Fail.Internal("unknown primitive " + primitive.GetType().Name);
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static void WriteText(StringBuilder svg, TextPrimitive t)
    {
        var anchor = t.Anchor switch
        {
            TextAnchor.Middle => "middle",
            TextAnchor.End => "end",
            _ => "start",
        };

        // The baseline shift is applied in the text's own frame (dy), so it rotates with the text.
        var dy = TextMetrics.BaselineOffset(t.Baseline, t.Size);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(t.At.X)}\" y=\"{N(t.At.Y)}\" dy=\"{N(dy)}\" font-size=\"{N(t.Size)}\" text-anchor=\"{anchor}\" fill=\"{t.Color.Hex}\"");
        if (t.Bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        if (t.RotationDegrees != 0)
        {
            // SVG angles turn clockwise on screen; ours turn counter-clockwise.
            svg.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(-t.RotationDegrees)} {N(t.At.X)} {N(t.At.Y)})\"");
        }

        svg.Append('>').Append(Markup.Escape(t.Text)).Append("</text>\n");
    }

    private static string StrokeAttributes(Stroke? stroke) =>
        stroke is null
            ? " stroke=\"none\""
            : string.Create(CultureInfo.InvariantCulture, $" stroke=\"{stroke.Color.Hex}\" stroke-width=\"{N(stroke.Width)}\"{(stroke.Dashed ? " stroke-dasharray=\"4 3\"" : string.Empty)}");

    private static string Fill(ChartColor? color) => color?.Hex ?? "none";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
