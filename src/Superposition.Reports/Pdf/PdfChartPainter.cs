using PdfSharp.Drawing;
using Superposition.Reports.Charts;

namespace Superposition.Reports.Pdf;

/// <summary>Paints chart primitives with PDFsharp as vector graphics at an offset on the page.</summary>
internal static class PdfChartPainter
{
    public static void Paint(XGraphics g, ChartDrawing drawing, double x, double y, PdfFonts fonts)
    {
        var state = g.Save();
        g.TranslateTransform(x, y);
        var clips = new Stack<XGraphicsState>();
        foreach (var primitive in drawing.Primitives)
        {
            switch (primitive)
            {
                case LinePrimitive l:
                    g.DrawLine(Pen(l.Stroke), l.From.X, l.From.Y, l.To.X, l.To.Y);
                    break;
                case PolylinePrimitive pl when pl.Points.Count >= 2:
                    g.DrawLines(Pen(pl.Stroke), pl.Points.Select(p => new XPoint(p.X, p.Y)).ToArray());
                    break;
                case PolylinePrimitive:
                    break;
                case RectPrimitive r:
                    DrawRectangle(g, r);
                    break;
                case RasterPrimitive raster:
                    DrawRaster(g, raster);
                    break;
                case CirclePrimitive c:
                    var pen = c.Stroke is null ? null : Pen(c.Stroke);
                    var brush = c.Fill is { } fill ? Brush(fill) : null;
                    if (pen is not null || brush is not null)
                    {
                        g.DrawEllipse(pen, brush, c.Center.X - c.Radius, c.Center.Y - c.Radius, 2 * c.Radius, 2 * c.Radius);
                    }

                    break;
                case TextPrimitive t:
                    DrawText(g, t, fonts);
                    break;
                case PushClipPrimitive pc:
                    clips.Push(g.Save());
                    g.IntersectClip(new XRect(pc.X, pc.Y, pc.Width, pc.Height));
                    break;
                case PopClipPrimitive:
                    g.Restore(clips.Pop());
                    break;
                default:
                    throw Fail.Internal("unknown primitive " + primitive.GetType().Name);
            }
        }

        g.Restore(state);
    }

    /// <summary>Vector cells, one rectangle per run of equal colour in a row (a quarter point of overlap hides seams).</summary>
    private static void DrawRaster(XGraphics g, RasterPrimitive raster)
    {
        double cellWidth = raster.Width / raster.Columns, cellHeight = raster.Height / raster.Rows;
        for (int row = 0; row < raster.Rows; row++)
        {
            int start = 0;
            for (int column = 1; column <= raster.Columns; column++)
            {
                var color = raster.Pixels[(row * raster.Columns) + start];
                if (column < raster.Columns && raster.Pixels[(row * raster.Columns) + column] == color) continue;
                g.DrawRectangle(Brush(color), raster.X + (start * cellWidth), raster.Y + (row * cellHeight), ((column - start) * cellWidth) + 0.25, cellHeight + 0.25);
                start = column;
            }
        }
    }

    private static void DrawRectangle(XGraphics g, RectPrimitive r)
    {
        if (r.Width <= 0 || r.Height <= 0)
        {
            return;
        }

        var pen = r.Stroke is null ? null : Pen(r.Stroke);
        var brush = r.Fill is { } fill ? Brush(fill) : null;
        if (pen is not null || brush is not null)
        {
            g.DrawRectangle(pen, brush, r.X, r.Y, r.Width, r.Height);
        }
    }

    private static void DrawText(XGraphics g, TextPrimitive t, PdfFonts fonts)
    {
        var font = fonts.Get(t.Size, t.Bold ? Content.TextStyle.Bold : Content.TextStyle.Regular);
        var width = g.MeasureString(t.Text, font).Width;
        var state = g.Save();
        if (t.RotationDegrees != 0)
        {
            // XGraphics has y pointing down, so a positive angle turns clockwise on the page; ours turns counter-clockwise.
            g.RotateAtTransform(-t.RotationDegrees, new XPoint(t.At.X, t.At.Y));
        }

        var x = t.At.X + TextMetrics.AnchorOffset(t.Anchor, width);
        var y = t.At.Y + TextMetrics.BaselineOffset(t.Baseline, t.Size);
        g.DrawString(t.Text, font, Brush(t.Color), x, y, XStringFormats.BaseLineLeft);
        g.Restore(state);
    }

    private static XPen Pen(Stroke stroke)
    {
        var pen = new XPen(Color(stroke.Color), stroke.Width) { LineJoin = XLineJoin.Round };
        if (stroke.Dashed)
        {
            // PDFsharp scales custom dash patterns by the pen width; this gives 4 pt on, 3 pt off.
            pen.DashStyle = XDashStyle.Custom;
            pen.DashPattern = [4 / stroke.Width, 3 / stroke.Width];
        }

        return pen;
    }

    private static XSolidBrush Brush(ChartColor color) => new(Color(color));

    private static XColor Color(ChartColor color) => XColor.FromArgb(color.R, color.G, color.B);
}
